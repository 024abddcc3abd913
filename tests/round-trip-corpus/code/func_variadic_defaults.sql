-- VARIADIC and default-argument functions: a concat helper, a paging helper with expression defaults.
CREATE SCHEMA vary;
CREATE FUNCTION vary.join_all(sep text, VARIADIC parts text[]) RETURNS text LANGUAGE sql IMMUTABLE
  AS 'SELECT array_to_string(parts, sep)';
CREATE FUNCTION vary.max_of(VARIADIC xs numeric[]) RETURNS numeric LANGUAGE sql AS 'SELECT max(x) FROM unnest(xs) x';
CREATE FUNCTION vary.page(lim int DEFAULT 20, off int DEFAULT 0, since timestamptz DEFAULT now() - interval '1 day',
                          tags text[] DEFAULT ARRAY['a', 'b'], note text DEFAULT 'it''s')
  RETURNS text LANGUAGE sql AS $$SELECT lim || ':' || off$$;
CREATE FUNCTION vary.any_args(VARIADIC anyarray) RETURNS int LANGUAGE sql AS 'SELECT cardinality($1)';
CREATE FUNCTION vary.variadic_default(a int, VARIADIC rest int[] DEFAULT '{}') RETURNS int
  LANGUAGE sql AS 'SELECT a + coalesce(array_length(rest, 1), 0)';
