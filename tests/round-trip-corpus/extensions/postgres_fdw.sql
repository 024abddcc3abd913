-- A reporting database reading another over postgres_fdw: wrapper USAGE for an integration role, server, mapping, foreign table.
-- roles: px_pgfdw, px_pgfdw_reader
CREATE SCHEMA remote;
CREATE EXTENSION postgres_fdw;
GRANT USAGE ON FOREIGN DATA WRAPPER postgres_fdw TO px_pgfdw;
REVOKE EXECUTE ON FUNCTION public.postgres_fdw_handler() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.postgres_fdw_handler() TO px_pgfdw;
CREATE SERVER px_origin FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'origin.example', dbname 'app', fetch_size '500');
ALTER SERVER px_origin OWNER TO px_pgfdw;
CREATE USER MAPPING FOR px_pgfdw SERVER px_origin OPTIONS (user 'reporting');
CREATE FOREIGN TABLE remote.orders (id bigint, total numeric OPTIONS (column_name 'amount'))
  SERVER px_origin OPTIONS (schema_name 'public', table_name 'orders');
GRANT SELECT ON remote.orders TO px_pgfdw_reader;
