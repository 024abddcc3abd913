-- pg_stat_statements' view closed to PUBLIC and opened to a monitoring role, plus a reporting view on top.
-- roles: px_pss
CREATE SCHEMA stats;
CREATE EXTENSION pg_stat_statements SCHEMA stats;
REVOKE SELECT ON stats.pg_stat_statements FROM PUBLIC;
GRANT SELECT ON stats.pg_stat_statements TO px_pss;
REVOKE EXECUTE ON FUNCTION stats.pg_stat_statements(boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION stats.pg_stat_statements(boolean) TO px_pss;
CREATE VIEW stats.top_queries AS SELECT queryid, calls FROM stats.pg_stat_statements ORDER BY calls DESC LIMIT 10;
