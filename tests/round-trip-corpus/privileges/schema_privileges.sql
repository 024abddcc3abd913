-- Schemas with assorted USAGE and CREATE grants, owners, and PUBLIC access given or withheld.
-- roles: pv_sc_owner, pv_sc_user, pv_sc_ddl
CREATE SCHEMA open_all;
GRANT ALL ON SCHEMA open_all TO PUBLIC;
CREATE SCHEMA read_only;
GRANT USAGE ON SCHEMA read_only TO PUBLIC;
CREATE SCHEMA ddl_only;
GRANT CREATE ON SCHEMA ddl_only TO pv_sc_ddl;
CREATE SCHEMA owned AUTHORIZATION pv_sc_owner;
GRANT USAGE ON SCHEMA owned TO pv_sc_user;
GRANT USAGE, CREATE ON SCHEMA owned TO pv_sc_ddl WITH GRANT OPTION;
CREATE SCHEMA "Mixed Case";
GRANT USAGE ON SCHEMA "Mixed Case" TO pv_sc_user, pv_sc_ddl;
COMMENT ON SCHEMA "Mixed Case" IS 'quoted';
