-- pgrowlocks given to a lock-debugging role and revoked from PUBLIC.
-- roles: px_locks
CREATE EXTENSION pgrowlocks;
REVOKE EXECUTE ON FUNCTION public.pgrowlocks(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.pgrowlocks(text) TO px_locks;
CREATE TABLE public.queue (id int PRIMARY KEY, state text);
