-- RETURNS SETOF record (column list at call site), RETURNS TABLE with keyword-named columns, and TABLE of composites.
CREATE SCHEMA rs;
CREATE TYPE rs.kv AS (k text, v text);
CREATE FUNCTION rs.anything() RETURNS SETOF record LANGUAGE sql AS $$SELECT 1, 'a'::text$$;
CREATE FUNCTION rs.keywords() RETURNS TABLE ("from" int, "to" int, "user" text, "order" int) LANGUAGE sql
  AS $$SELECT 1, 2, 'u', 3$$;
CREATE FUNCTION rs.pairs() RETURNS TABLE (pair rs.kv, pairs rs.kv[]) LANGUAGE sql
  AS $$SELECT ROW('a', 'b')::rs.kv, ARRAY[ROW('c', 'd')::rs.kv]$$;
CREATE VIEW rs.use_anything AS SELECT * FROM rs.anything() AS x(n int, s text);
CREATE VIEW rs.use_keywords AS SELECT "from", "to" FROM rs.keywords() WITH ORDINALITY AS k("from", "to", "user", "order", ord);
