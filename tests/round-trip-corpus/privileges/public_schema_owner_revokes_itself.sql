-- A public schema whose owner has revoked its own CREATE and granted it to a deployer with grant option.
-- roles: pv_pubo_owner, pv_pubo_deployer
ALTER SCHEMA public OWNER TO pv_pubo_owner;
SET ROLE pv_pubo_owner;
REVOKE CREATE ON SCHEMA public FROM pv_pubo_owner;
GRANT ALL ON SCHEMA public TO pv_pubo_deployer WITH GRANT OPTION;
RESET ROLE;
