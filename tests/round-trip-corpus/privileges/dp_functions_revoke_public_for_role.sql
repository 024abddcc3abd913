-- Security-definer hardening: one owner revokes EXECUTE from PUBLIC by default and grants it to one role, per schema.
-- roles: pv_fn_owner, pv_fn_caller
CREATE SCHEMA secure AUTHORIZATION pv_fn_owner;
GRANT CREATE ON SCHEMA public TO pv_fn_owner;
SET ROLE pv_fn_owner;
CREATE FUNCTION secure.old_fn(a int) RETURNS int LANGUAGE sql AS 'SELECT a';
RESET ROLE;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_fn_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_fn_owner IN SCHEMA secure GRANT EXECUTE ON FUNCTIONS TO pv_fn_caller;
SET ROLE pv_fn_owner;
CREATE FUNCTION secure.new_fn(a int) RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS 'SELECT a + 1';
CREATE FUNCTION secure.new_fn(a text) RETURNS text LANGUAGE sql AS 'SELECT a';
CREATE FUNCTION public.new_in_public() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE AGGREGATE secure.new_sum(int) (SFUNC = int4pl, STYPE = int, INITCOND = '0');
RESET ROLE;
CREATE FUNCTION secure.superuser_fn() RETURNS int LANGUAGE sql AS 'SELECT 2';
