-- Imitates the Datadog / pganalyze monitoring-user setup: pg_stat_statements in its own schema, a monitoring schema with SECURITY DEFINER explain and stats wrappers, grants on extension views and functions to a monitoring role.
-- roles: ap_monitor
CREATE SCHEMA ext_monitoring;
CREATE EXTENSION IF NOT EXISTS pg_stat_statements WITH SCHEMA ext_monitoring;
CREATE SCHEMA datadog;
GRANT USAGE ON SCHEMA datadog TO ap_monitor;
GRANT USAGE ON SCHEMA ext_monitoring TO ap_monitor;
GRANT SELECT ON ext_monitoring.pg_stat_statements TO ap_monitor;
CREATE FUNCTION datadog.explain_statement(l_query text, OUT explain json) RETURNS SETOF json
  LANGUAGE plpgsql RETURNS NULL ON NULL INPUT SECURITY DEFINER AS $$
DECLARE
  curs REFCURSOR;
  plan JSON;
BEGIN
  OPEN curs FOR EXECUTE pg_catalog.concat('EXPLAIN (FORMAT JSON) ', l_query);
  FETCH curs INTO plan;
  CLOSE curs;
  RETURN QUERY SELECT plan;
END;
$$;
CREATE FUNCTION datadog.pg_stat_activity() RETURNS SETOF pg_stat_activity LANGUAGE sql SECURITY DEFINER AS $$ SELECT * FROM pg_catalog.pg_stat_activity; $$;
CREATE FUNCTION datadog.top_queries(n integer DEFAULT 20) RETURNS TABLE (queryid bigint, calls bigint, query text) LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = ext_monitoring, pg_catalog AS $$
  SELECT queryid, calls, query FROM pg_stat_statements ORDER BY calls DESC LIMIT n
$$;
CREATE VIEW datadog.pg_stat_statements AS SELECT * FROM ext_monitoring.pg_stat_statements;
REVOKE ALL ON FUNCTION datadog.explain_statement(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION datadog.explain_statement(text) TO ap_monitor;
GRANT EXECUTE ON FUNCTION datadog.pg_stat_activity() TO ap_monitor;
GRANT SELECT ON datadog.pg_stat_statements TO ap_monitor;
REVOKE ALL ON FUNCTION ext_monitoring.pg_stat_statements_reset FROM PUBLIC;
