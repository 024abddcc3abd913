-- Schema defaults that strip the owner's own CREATE: new schemas are frozen for their owner until granted.
-- roles: pv_schema_owner, pv_schema_user
ALTER DEFAULT PRIVILEGES FOR ROLE pv_schema_owner REVOKE CREATE ON SCHEMAS FROM pv_schema_owner;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_schema_owner GRANT USAGE ON SCHEMAS TO pv_schema_user, PUBLIC;
CREATE SCHEMA frozen AUTHORIZATION pv_schema_owner;
CREATE SCHEMA normal;
ALTER SCHEMA normal OWNER TO pv_schema_owner;
CREATE TABLE frozen.t (id int);
