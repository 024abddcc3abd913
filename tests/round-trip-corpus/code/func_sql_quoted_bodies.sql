-- Utility SQL functions with quoted bodies in every quoting style: single quotes, $$, tagged dollar quotes.
CREATE SCHEMA util;
CREATE FUNCTION util.slugify(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT
  AS 'SELECT lower(regexp_replace(t, ''[^a-zA-Z0-9]+'', ''-'', ''g''))';
CREATE FUNCTION util.greet(name text) RETURNS text LANGUAGE sql
  AS $$SELECT 'Hello, ' || name || '!'$$;
CREATE FUNCTION util.dollar_inside() RETURNS text LANGUAGE sql
  AS $body$SELECT $$it's $$ || 'quoted'$body$;
CREATE FUNCTION util.multi_statement(i int) RETURNS int LANGUAGE sql AS $$
  SELECT 1;
  -- a comment in the body
  SELECT i * 2;
$$;
CREATE FUNCTION util.returns_void() RETURNS void LANGUAGE sql AS '';
CREATE FUNCTION util.tabs_and_newlines() RETURNS text LANGUAGE sql AS E'SELECT\t''a''\n  || ''b''';
