-- pg_prewarm with prewarming allowed for an ops role only.
-- roles: px_prewarm
CREATE EXTENSION pg_prewarm;
REVOKE EXECUTE ON FUNCTION public.pg_prewarm(regclass, text, text, bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.pg_prewarm(regclass, text, text, bigint, bigint) TO px_prewarm;
REVOKE EXECUTE ON FUNCTION public.autoprewarm_dump_now() FROM PUBLIC;
CREATE TABLE public.hot (id int PRIMARY KEY);
