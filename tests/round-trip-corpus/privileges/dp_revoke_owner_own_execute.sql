-- Functions whose owner cannot execute them by default, while PUBLIC keeps EXECUTE.
-- roles: pv_lib_owner
CREATE SCHEMA lib AUTHORIZATION pv_lib_owner;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_lib_owner REVOKE EXECUTE ON FUNCTIONS FROM pv_lib_owner;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_lib_owner REVOKE USAGE ON TYPES FROM pv_lib_owner;
SET ROLE pv_lib_owner;
CREATE FUNCTION lib.f(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x * 3';
CREATE TYPE lib.color AS ENUM ('red', 'green');
CREATE DOMAIN lib.posint AS int CHECK (VALUE > 0);
RESET ROLE;
