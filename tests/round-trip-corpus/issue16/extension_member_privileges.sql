-- Privileges on extension members changed after CREATE EXTENSION, and default privileges in
-- force while it ran: pg_dump keeps both (against pg_init_privs).
-- roles: ext_user
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
CREATE EXTENSION pgcrypto;
REVOKE EXECUTE ON FUNCTION public.gen_random_bytes(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.gen_random_bytes(integer) TO ext_user;
CREATE SCHEMA ext;
CREATE EXTENSION hstore SCHEMA ext;
REVOKE ALL ON FUNCTION ext.hstore_to_json(ext.hstore) FROM PUBLIC;
GRANT USAGE ON TYPE ext.hstore TO ext_user WITH GRANT OPTION;
