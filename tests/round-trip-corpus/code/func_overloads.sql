-- One name, many overloads: by arity, by type, with array and composite arguments, across schemas.
CREATE SCHEMA fmt;
CREATE TYPE fmt.pair AS (a int, b int);
CREATE FUNCTION fmt.render(i int) RETURNS text LANGUAGE sql AS 'SELECT i::text';
CREATE FUNCTION fmt.render(t text) RETURNS text LANGUAGE sql AS 'SELECT quote_literal(t)';
CREATE FUNCTION fmt.render(i int, width int) RETURNS text LANGUAGE sql AS 'SELECT lpad(i::text, width)';
CREATE FUNCTION fmt.render(xs int[]) RETURNS text LANGUAGE sql AS 'SELECT array_to_string(xs, '','')';
CREATE FUNCTION fmt.render(p fmt.pair) RETURNS text LANGUAGE sql AS $$SELECT '(' || p.a || ',' || p.b || ')'$$;
CREATE FUNCTION fmt.render(ts timestamp with time zone, "format" text DEFAULT 'YYYY') RETURNS text
  LANGUAGE sql AS 'SELECT to_char(ts, "format")';
CREATE FUNCTION fmt.render() RETURNS text LANGUAGE sql AS $$SELECT ''$$;
CREATE FUNCTION public.render(i int) RETURNS text LANGUAGE sql AS 'SELECT fmt.render(i)';
COMMENT ON FUNCTION fmt.render(int) IS 'integers';
COMMENT ON FUNCTION fmt.render(text) IS 'texts';
REVOKE ALL ON FUNCTION fmt.render(int[]) FROM PUBLIC;
