-- A call chain created top-down: each quoted body calls a function created later (bodies are not checked).
CREATE SCHEMA chain;
SET check_function_bodies = off;
CREATE FUNCTION chain.a_entry(i int) RETURNS int LANGUAGE sql AS 'SELECT chain.b_middle(i) + 1';
CREATE FUNCTION chain.b_middle(i int) RETURNS int LANGUAGE plpgsql AS $$BEGIN RETURN chain.c_leaf(i) * 2; END$$;
CREATE FUNCTION chain.c_leaf(i int) RETURNS int LANGUAGE sql AS 'SELECT i + chain.d_const()';
CREATE FUNCTION chain.d_const() RETURNS int LANGUAGE sql AS 'SELECT 40';
RESET check_function_bodies;
CREATE VIEW chain.v AS SELECT chain.a_entry(1) AS answer;
