-- pg_visibility with pg_stat_scan_tables' access replaced by a custom role.
-- roles: px_vis
CREATE EXTENSION pg_visibility;
REVOKE EXECUTE ON FUNCTION public.pg_visibility_map(regclass) FROM pg_stat_scan_tables;
GRANT EXECUTE ON FUNCTION public.pg_visibility_map(regclass) TO px_vis;
GRANT EXECUTE ON FUNCTION public.pg_truncate_visibility_map(regclass) TO px_vis;
CREATE TABLE public.t (id int);
