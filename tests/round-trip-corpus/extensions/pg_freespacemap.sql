-- pg_freespacemap in a monitoring schema: its functions moved from pg_stat_scan_tables to a custom role.
-- roles: px_fsm
CREATE SCHEMA mon;
CREATE EXTENSION pg_freespacemap SCHEMA mon;
REVOKE EXECUTE ON FUNCTION mon.pg_freespace(regclass) FROM pg_stat_scan_tables;
GRANT EXECUTE ON FUNCTION mon.pg_freespace(regclass) TO px_fsm;
GRANT EXECUTE ON FUNCTION mon.pg_freespace(regclass, bigint) TO px_fsm WITH GRANT OPTION;
CREATE TABLE public.t (id int);
