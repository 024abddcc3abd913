-- pgstattuple in a stats schema: bloat functions granted to a custom role, one taken from pg_stat_scan_tables.
-- roles: px_bloat
CREATE SCHEMA bloat;
CREATE EXTENSION pgstattuple SCHEMA bloat;
GRANT EXECUTE ON FUNCTION bloat.pgstattuple(regclass) TO px_bloat;
GRANT EXECUTE ON FUNCTION bloat.pgstatindex(regclass) TO px_bloat;
REVOKE EXECUTE ON FUNCTION bloat.pgstattuple_approx(regclass) FROM pg_stat_scan_tables;
CREATE TABLE public.t (id int PRIMARY KEY, v text);
CREATE VIEW public.t_bloat AS SELECT * FROM bloat.pgstattuple('public.t'::regclass);
