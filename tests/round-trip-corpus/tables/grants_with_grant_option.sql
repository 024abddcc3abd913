-- Table and sequence grants WITH GRANT OPTION, regranted by the grantee, and grants to PUBLIC.
-- roles: tb_lead, tb_dev, tb_intern
CREATE SCHEMA proj;
CREATE TABLE proj.tasks (id serial PRIMARY KEY, title text);
ALTER TABLE proj.tasks OWNER TO tb_lead;
ALTER SEQUENCE proj.tasks_id_seq OWNER TO tb_lead;
GRANT USAGE ON SCHEMA proj TO PUBLIC;
SET ROLE tb_lead;
GRANT SELECT, INSERT ON proj.tasks TO tb_dev WITH GRANT OPTION;
GRANT USAGE ON SEQUENCE proj.tasks_id_seq TO tb_dev WITH GRANT OPTION;
GRANT SELECT ON proj.tasks TO PUBLIC;
RESET ROLE;
SET ROLE tb_dev;
GRANT SELECT ON proj.tasks TO tb_intern;
RESET ROLE;
REVOKE DELETE, TRUNCATE ON proj.tasks FROM tb_lead;
