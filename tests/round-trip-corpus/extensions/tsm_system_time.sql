-- A time-bounded sampling view with TABLESAMPLE system_time, extension in its own schema.
-- roles: px_sample_t
CREATE SCHEMA sampling;
CREATE EXTENSION tsm_system_time SCHEMA sampling;
REVOKE EXECUTE ON FUNCTION sampling.system_time(internal) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sampling.system_time(internal) TO px_sample_t WITH GRANT OPTION;
CREATE TABLE public.events (id int, at timestamptz);
CREATE VIEW public.events_sample AS SELECT * FROM public.events TABLESAMPLE sampling.system_time(50);
