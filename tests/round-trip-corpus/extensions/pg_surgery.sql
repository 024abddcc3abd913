-- pg_surgery available to a recovery role (it is superuser-only by default).
-- min-major: 14
-- roles: px_surgeon
CREATE SCHEMA repair;
CREATE EXTENSION pg_surgery SCHEMA repair;
GRANT EXECUTE ON FUNCTION repair.heap_force_kill(regclass, tid[]) TO px_surgeon;
GRANT EXECUTE ON FUNCTION repair.heap_force_freeze(regclass, tid[]) TO px_surgeon;
CREATE TABLE public.damaged (id int);
