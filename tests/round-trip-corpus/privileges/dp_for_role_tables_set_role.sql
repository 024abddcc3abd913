-- A migration role owns the schema: defaults FOR ROLE it apply to what it creates under SET ROLE, not to the superuser's tables.
-- roles: pv_migrator, pv_api
CREATE SCHEMA api AUTHORIZATION pv_migrator;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_migrator GRANT SELECT, INSERT ON TABLES TO pv_api;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_migrator IN SCHEMA api GRANT UPDATE ON TABLES TO pv_api;
CREATE TABLE api.made_by_superuser (id int);
SET ROLE pv_migrator;
CREATE TABLE api.made_by_migrator (id int, note text);
CREATE VIEW api.v_made_by_migrator AS SELECT id FROM api.made_by_migrator;
RESET ROLE;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_migrator REVOKE INSERT ON TABLES FROM pv_api;
SET ROLE pv_migrator;
CREATE TABLE api.made_later (id int);
RESET ROLE;
