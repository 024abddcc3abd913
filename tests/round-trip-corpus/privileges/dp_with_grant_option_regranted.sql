-- Objects that received grant options through default privileges, re-granted by the lead (a non-owner grantor).
-- roles: pv_lead, pv_dev
CREATE SCHEMA team;
ALTER DEFAULT PRIVILEGES IN SCHEMA team GRANT SELECT ON TABLES TO pv_lead WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES IN SCHEMA team GRANT EXECUTE ON FUNCTIONS TO pv_lead WITH GRANT OPTION;
GRANT USAGE ON SCHEMA team TO pv_lead, pv_dev;
CREATE TABLE team.work (id int, item text);
CREATE FUNCTION team.calc(int) RETURNS int LANGUAGE sql AS 'SELECT $1';
SET ROLE pv_lead;
GRANT SELECT ON team.work TO pv_dev;
GRANT EXECUTE ON FUNCTION team.calc(int) TO pv_dev;
RESET ROLE;
