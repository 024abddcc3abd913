-- A sampling view using TABLESAMPLE system_rows; the sampling method's handler revoked from PUBLIC.
-- roles: px_sample
CREATE EXTENSION tsm_system_rows;
REVOKE EXECUTE ON FUNCTION public.system_rows(internal) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.system_rows(internal) TO px_sample;
CREATE TABLE public.big (id int, v text);
CREATE VIEW public.big_sample AS SELECT * FROM public.big TABLESAMPLE system_rows(100);
