-- Functions returning records through OUT and INOUT parameters, with named and unnamed parameters.
CREATE SCHEMA params;
CREATE FUNCTION params.divmod(a int, b int, OUT q int, OUT r int) LANGUAGE sql IMMUTABLE
  AS 'SELECT a / b, a % b';
CREATE FUNCTION params.bump(INOUT x int, IN step int DEFAULT 1) LANGUAGE sql AS 'SELECT x + step';
CREATE FUNCTION params.one_out(OUT only_col text) LANGUAGE sql AS $$SELECT 'x'$$;
CREATE FUNCTION params.unnamed(int, text) RETURNS text LANGUAGE sql AS 'SELECT $2 || $1';
CREATE FUNCTION params.mixed(int, INOUT t text, OUT n int) LANGUAGE plpgsql AS $$
BEGIN t := t || $1; n := length(t); END $$;
CREATE FUNCTION params.setof_out(n int, OUT i int, OUT sq int) RETURNS SETOF record LANGUAGE sql
  AS 'SELECT g, g * g FROM generate_series(1, n) g';
