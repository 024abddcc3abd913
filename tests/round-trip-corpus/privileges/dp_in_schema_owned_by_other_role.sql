-- Defaults FOR ROLE a deployer IN SCHEMA that another role owns: the schema owner's objects are not covered, the deployer's are.
-- roles: pv_dso_schema_owner, pv_dso_deployer, pv_dso_reader
CREATE SCHEMA data AUTHORIZATION pv_dso_schema_owner;
GRANT CREATE, USAGE ON SCHEMA data TO pv_dso_deployer;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_dso_deployer IN SCHEMA data GRANT SELECT ON TABLES TO pv_dso_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_dso_deployer IN SCHEMA data GRANT USAGE ON TYPES TO pv_dso_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_dso_schema_owner IN SCHEMA data GRANT EXECUTE ON FUNCTIONS TO pv_dso_reader;
SET ROLE pv_dso_deployer;
CREATE TABLE data.deployed (id int);
CREATE TYPE data.kind AS ENUM ('k');
CREATE FUNCTION data.by_deployer() RETURNS int LANGUAGE sql AS 'SELECT 1';
SET ROLE pv_dso_schema_owner;
CREATE TABLE data.owned (id int);
CREATE FUNCTION data.by_owner() RETURNS int LANGUAGE sql AS 'SELECT 1';
RESET ROLE;
