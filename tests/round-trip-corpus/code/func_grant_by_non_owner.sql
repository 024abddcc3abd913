-- Delegated function grants: a role holding EXECUTE WITH GRANT OPTION grants it on, so the grantor is not the owner.
-- roles: fn_owner, fn_app, fn_reader
CREATE SCHEMA deleg;
GRANT USAGE ON SCHEMA deleg TO fn_app;
CREATE FUNCTION deleg.owned(t text) RETURNS text LANGUAGE sql AS 'SELECT t';
ALTER FUNCTION deleg.owned(text) OWNER TO fn_owner;
REVOKE ALL ON FUNCTION deleg.owned(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION deleg.owned(text) TO fn_app WITH GRANT OPTION;
SET ROLE fn_app;
GRANT EXECUTE ON FUNCTION deleg.owned(text) TO fn_reader;
RESET ROLE;
