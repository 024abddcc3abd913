-- One name shared by a function, a procedure and an aggregate (distinguished by arguments), each with its own ACL.
-- roles: fn_app
CREATE SCHEMA mix;
CREATE FUNCTION mix.total(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT a + b';
CREATE PROCEDURE mix.total(t text) LANGUAGE sql AS 'SELECT t';
CREATE AGGREGATE mix.total(numeric) (SFUNC = numeric_add, STYPE = numeric);
REVOKE ALL ON FUNCTION mix.total(int, int) FROM PUBLIC;
REVOKE ALL ON PROCEDURE mix.total(text) FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE mix.total(text) TO fn_app;
GRANT EXECUTE ON FUNCTION mix.total(numeric) TO fn_app;
COMMENT ON FUNCTION mix.total(int, int) IS 'function';
COMMENT ON PROCEDURE mix.total(text) IS 'procedure';
COMMENT ON AGGREGATE mix.total(numeric) IS 'aggregate';
