-- A hardened database: EXECUTE and type USAGE revoked by default, then citext, hstore and pg_trgm installed in an ext schema and used by tables.
-- roles: px_combo_app
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES REVOKE USAGE ON TYPES FROM PUBLIC;
CREATE SCHEMA ext;
ALTER DEFAULT PRIVILEGES IN SCHEMA ext GRANT EXECUTE ON FUNCTIONS TO px_combo_app;
CREATE EXTENSION citext SCHEMA ext;
CREATE EXTENSION hstore SCHEMA ext;
CREATE EXTENSION pg_trgm SCHEMA ext;
GRANT USAGE ON SCHEMA ext TO px_combo_app;
GRANT USAGE ON TYPE ext.citext, ext.hstore TO px_combo_app;
GRANT EXECUTE ON FUNCTION ext.similarity(text, text) TO PUBLIC;
REVOKE EXECUTE ON FUNCTION ext.hstore_to_json(ext.hstore) FROM px_combo_app;
CREATE TABLE public.customers (id int PRIMARY KEY, email ext.citext UNIQUE, props ext.hstore, name text);
CREATE INDEX customers_name_trgm ON public.customers USING gin (name ext.gin_trgm_ops);
CREATE FUNCTION public.customer_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM public.customers';
