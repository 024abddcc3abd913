-- An enum owned by an application role with USAGE revoked from PUBLIC and granted to a reader.
-- roles: tv_owner, tv_reader
CREATE SCHEMA app;
CREATE TYPE app.color AS ENUM ('red', 'green', 'blue');
ALTER TYPE app.color OWNER TO tv_owner;
REVOKE USAGE ON TYPE app.color FROM PUBLIC;
GRANT USAGE ON TYPE app.color TO tv_reader WITH GRANT OPTION;
CREATE TYPE app.shade AS ENUM ('light', 'dark');
REVOKE ALL ON TYPE app.shade FROM PUBLIC;
