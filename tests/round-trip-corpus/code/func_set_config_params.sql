-- Functions carrying several SET clauses: work_mem, statement_timeout, a custom GUC, search_path lists, FROM CURRENT.
CREATE SCHEMA report;
CREATE SCHEMA "Other Schema";
CREATE FUNCTION report.heavy() RETURNS int LANGUAGE sql
  SET work_mem = '64MB' SET statement_timeout = '30s' SET enable_seqscan = off
  AS 'SELECT 1';
CREATE FUNCTION report.custom() RETURNS text LANGUAGE sql
  SET myapp.tenant = 'acme' AS $$SELECT current_setting('myapp.tenant')$$;
CREATE FUNCTION report.paths() RETURNS text LANGUAGE sql
  SET search_path = report, "Other Schema", public AS 'SELECT current_setting(''search_path'')';
SET datestyle = 'ISO, DMY';
CREATE FUNCTION report.from_current() RETURNS text LANGUAGE sql
  SET datestyle FROM CURRENT AS 'SELECT current_setting(''datestyle'')';
RESET datestyle;
CREATE FUNCTION report.later() RETURNS int LANGUAGE sql AS 'SELECT 2';
ALTER FUNCTION report.later() SET log_min_duration_statement = 0;
ALTER FUNCTION report.later() SET client_min_messages = warning;
ALTER FUNCTION report.later() RESET log_min_duration_statement;
