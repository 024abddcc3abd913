-- roles: dp_owner, dp_reader, dp_app
-- Default privileges for several roles, per schema and global, created before and after the
-- objects they would cover; objects owned by several roles.
CREATE SCHEMA app AUTHORIZATION dp_owner;
CREATE SCHEMA reporting;
CREATE TABLE app.early (id int);
ALTER TABLE app.early OWNER TO dp_owner;
CREATE TABLE reporting.r_early (id int);
ALTER DEFAULT PRIVILEGES FOR ROLE dp_owner IN SCHEMA app GRANT SELECT ON TABLES TO dp_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE dp_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT, INSERT ON TABLES TO dp_app;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO dp_app;
ALTER DEFAULT PRIVILEGES FOR ROLE dp_owner GRANT USAGE ON TYPES TO dp_reader;
SET ROLE dp_owner;
CREATE TABLE app.late (id int);
CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE TYPE app.mood AS ENUM ('ok', 'meh');
RESET ROLE;
CREATE TABLE reporting.r_late (id serial);
CREATE SEQUENCE reporting.s;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
CREATE FUNCTION reporting.g() RETURNS int LANGUAGE sql AS 'SELECT 2';
