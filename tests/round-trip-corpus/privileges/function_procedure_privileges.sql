-- Overloaded functions, procedures and an aggregate with EXECUTE taken from PUBLIC and given to roles one signature at a time.
-- roles: pv_fx_a, pv_fx_b
CREATE SCHEMA fx;
CREATE FUNCTION fx.area(r float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS 'SELECT pi() * r * r';
CREATE FUNCTION fx.area(w float8, h float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS 'SELECT w * h';
CREATE FUNCTION fx.area(VARIADIC sides int[]) RETURNS int LANGUAGE sql AS 'SELECT 0';
CREATE FUNCTION fx.outs(a int, OUT b int, OUT c text) LANGUAGE sql AS 'SELECT a, a::text';
CREATE PROCEDURE fx.do_it(a int, INOUT b int DEFAULT 0) LANGUAGE plpgsql AS $$BEGIN b := a; END$$;
CREATE AGGREGATE fx.cat(text) (SFUNC = textcat, STYPE = text, INITCOND = '');
REVOKE EXECUTE ON FUNCTION fx.area(float8) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fx.area(float8) TO pv_fx_a;
REVOKE ALL ON FUNCTION fx.area(float8, float8) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION fx.area(int[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fx.area(int[]) TO pv_fx_a, pv_fx_b WITH GRANT OPTION;
REVOKE EXECUTE ON FUNCTION fx.outs(int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fx.outs(int) TO pv_fx_b;
REVOKE EXECUTE ON PROCEDURE fx.do_it(int, int) FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE fx.do_it(int, int) TO pv_fx_a;
REVOKE EXECUTE ON FUNCTION fx.cat(text) FROM PUBLIC;
GRANT EXECUTE ON ROUTINE fx.cat(text) TO pv_fx_b;
