-- Mutually recursive is_even/is_odd through quoted bodies, in SQL and PL/pgSQL.
CREATE SCHEMA rec;
SET check_function_bodies = off;
CREATE FUNCTION rec.is_even(n int) RETURNS boolean LANGUAGE sql IMMUTABLE
  AS 'SELECT CASE WHEN n = 0 THEN true ELSE rec.is_odd(n - 1) END';
CREATE FUNCTION rec.is_odd(n int) RETURNS boolean LANGUAGE sql IMMUTABLE
  AS 'SELECT CASE WHEN n = 0 THEN false ELSE rec.is_even(n - 1) END';
RESET check_function_bodies;
CREATE FUNCTION rec.ping(n int) RETURNS int LANGUAGE plpgsql AS $$BEGIN IF n <= 0 THEN RETURN 0; END IF; RETURN rec.pong(n - 1); END$$;
CREATE FUNCTION rec.pong(n int) RETURNS int LANGUAGE plpgsql AS $$BEGIN RETURN rec.ping(n - 1) + 1; END$$;
CREATE FUNCTION rec.self(n int) RETURNS int LANGUAGE sql AS 'SELECT CASE WHEN n < 1 THEN 1 ELSE n * rec.self(n - 1) END';
