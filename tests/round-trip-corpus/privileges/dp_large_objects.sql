-- PostgreSQL 18 default privileges on large objects, alongside table defaults for the same grantee.
-- min-major: 18
-- roles: pv_lo_reader
ALTER DEFAULT PRIVILEGES GRANT SELECT ON LARGE OBJECTS TO pv_lo_reader;
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO pv_lo_reader;
CREATE TABLE public.docs (id int, body oid);
