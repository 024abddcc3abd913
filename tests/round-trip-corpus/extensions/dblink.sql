-- dblink with connecting restricted to one role, dblink_connect_u opened to a role, and a dblink_fdw server.
-- roles: px_dblink
CREATE EXTENSION dblink;
REVOKE EXECUTE ON FUNCTION public.dblink_connect(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.dblink_connect(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.dblink_connect(text, text) TO px_dblink;
GRANT EXECUTE ON FUNCTION public.dblink_connect_u(text) TO px_dblink;
GRANT USAGE ON FOREIGN DATA WRAPPER dblink_fdw TO px_dblink;
CREATE SERVER px_dblink_srv FOREIGN DATA WRAPPER dblink_fdw OPTIONS (host 'localhost', dbname 'other');
CREATE USER MAPPING FOR px_dblink SERVER px_dblink_srv OPTIONS (user 'remote');
GRANT USAGE ON FOREIGN SERVER px_dblink_srv TO px_dblink;
CREATE VIEW public.remote_names AS
  SELECT * FROM public.dblink('px_dblink_srv', 'SELECT name FROM t') AS r(name text);
