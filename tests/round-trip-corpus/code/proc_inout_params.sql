-- Procedures with INOUT parameters (11+) and a procedure that CALLs another defined later.
CREATE SCHEMA procs;
CREATE PROCEDURE procs.double_it(INOUT x int) LANGUAGE plpgsql AS $$BEGIN x := x * 2; END$$;
CREATE PROCEDURE procs.swap(INOUT a text, INOUT b text) LANGUAGE sql AS 'SELECT b, a';
SET check_function_bodies = off;
CREATE PROCEDURE procs.outer_call() LANGUAGE plpgsql AS $$DECLARE v int := 1; BEGIN CALL procs.z_inner(v); END$$;
RESET check_function_bodies;
CREATE PROCEDURE procs.z_inner(INOUT v int) LANGUAGE plpgsql AS $$BEGIN v := v + 1; END$$;
CREATE PROCEDURE procs.variadic_proc(VARIADIC xs int[]) LANGUAGE plpgsql AS $$BEGIN RAISE NOTICE '%', xs; END$$;
CREATE PROCEDURE procs.overloaded(a int) LANGUAGE sql AS 'SELECT 1';
CREATE PROCEDURE procs.overloaded(a text) LANGUAGE sql AS 'SELECT 2';
