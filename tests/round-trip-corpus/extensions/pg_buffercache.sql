-- pg_buffercache's view taken from pg_monitor and given to a custom monitoring role.
-- roles: px_bufmon
CREATE EXTENSION pg_buffercache;
REVOKE SELECT ON public.pg_buffercache FROM pg_monitor;
GRANT SELECT ON public.pg_buffercache TO px_bufmon;
REVOKE EXECUTE ON FUNCTION public.pg_buffercache_pages() FROM pg_monitor;
GRANT EXECUTE ON FUNCTION public.pg_buffercache_pages() TO px_bufmon;
CREATE VIEW public.buffers_per_rel AS SELECT relfilenode, count(*) AS n FROM public.pg_buffercache GROUP BY relfilenode;
