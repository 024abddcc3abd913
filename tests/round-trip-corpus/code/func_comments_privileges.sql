-- Function ACLs as an API layer: REVOKE FROM PUBLIC, GRANT to roles, WITH GRANT OPTION, owners.
-- roles: fn_owner, fn_app, fn_reader
CREATE SCHEMA priv;
CREATE FUNCTION priv.public_ok() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION priv.restricted(i int) RETURNS int LANGUAGE sql AS 'SELECT i';
REVOKE EXECUTE ON FUNCTION priv.restricted(int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION priv.restricted(int) TO fn_app WITH GRANT OPTION;
GRANT EXECUTE ON FUNCTION priv.restricted(int) TO fn_reader;
CREATE FUNCTION priv.owned(t text) RETURNS text LANGUAGE sql AS 'SELECT t';
ALTER FUNCTION priv.owned(text) OWNER TO fn_owner;
REVOKE ALL ON FUNCTION priv.owned(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION priv.owned(text) TO fn_app WITH GRANT OPTION;
COMMENT ON FUNCTION priv.public_ok() IS 'anyone may call';
COMMENT ON FUNCTION priv.restricted(int) IS E'line one\nline two';
