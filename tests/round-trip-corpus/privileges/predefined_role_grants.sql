-- Grants to built-in predefined roles: monitoring and read-everything roles get explicit object privileges.
CREATE SCHEMA mon;
CREATE TABLE mon.stats (k text, v bigint);
CREATE VIEW mon.v AS SELECT k FROM mon.stats;
CREATE FUNCTION mon.probe() RETURNS int LANGUAGE sql AS 'SELECT 1';
GRANT USAGE ON SCHEMA mon TO pg_monitor;
GRANT SELECT ON mon.stats, mon.v TO pg_monitor;
GRANT SELECT ON mon.stats TO pg_read_all_stats WITH GRANT OPTION;
REVOKE EXECUTE ON FUNCTION mon.probe() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mon.probe() TO pg_monitor, pg_signal_backend;
ALTER DEFAULT PRIVILEGES IN SCHEMA mon GRANT SELECT ON TABLES TO pg_monitor;
CREATE TABLE mon.later (id int);
