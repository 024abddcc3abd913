-- Imitates an ETL staging database: file_fdw foreign tables over CSV drops (with per-column force_not_null options), a custom-named FDW wrapper over postgres_fdw's handler, and dblink-based helper functions.
-- roles: ap_etl
CREATE EXTENSION IF NOT EXISTS file_fdw;
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE EXTENSION IF NOT EXISTS dblink;
CREATE SERVER csv_drops FOREIGN DATA WRAPPER file_fdw;
CREATE SCHEMA staging;
CREATE FOREIGN TABLE staging.daily_prices (
  sku text OPTIONS (force_not_null 'true'),
  price numeric,
  currency char(3),
  as_of date
) SERVER csv_drops OPTIONS (filename '/var/lib/etl/prices.csv', format 'csv', header 'true', delimiter ';', null '');
CREATE FOREIGN TABLE staging.events_log (line text) SERVER csv_drops OPTIONS (program 'zcat /var/log/app/events.gz', format 'text');
CREATE FOREIGN DATA WRAPPER pg_remote HANDLER postgres_fdw_handler VALIDATOR postgres_fdw_validator;
COMMENT ON FOREIGN DATA WRAPPER pg_remote IS 'postgres_fdw under a local name';
CREATE SERVER legacy_db FOREIGN DATA WRAPPER pg_remote OPTIONS (host 'legacy.internal', dbname 'legacy');
CREATE SERVER legacy_db_v2 TYPE 'postgresql' VERSION '9.6' FOREIGN DATA WRAPPER pg_remote OPTIONS (host 'legacy2.internal');
ALTER SERVER legacy_db_v2 OPTIONS (ADD port '6543');
CREATE USER MAPPING FOR ap_etl SERVER legacy_db OPTIONS (user 'etl');
CREATE USER MAPPING FOR CURRENT_USER SERVER legacy_db;
CREATE FOREIGN TABLE staging.legacy_customers (id integer, name text) SERVER legacy_db OPTIONS (table_name 'customers');
CREATE TABLE staging.prices_loaded (LIKE staging.daily_prices);
ALTER TABLE staging.prices_loaded ADD PRIMARY KEY (sku, as_of);
CREATE FUNCTION staging.load_prices() RETURNS bigint LANGUAGE sql AS $$
  WITH ins AS (INSERT INTO staging.prices_loaded SELECT * FROM staging.daily_prices ON CONFLICT DO NOTHING RETURNING 1)
  SELECT count(*) FROM ins
$$;
CREATE FUNCTION staging.remote_count(conn text, tbl text) RETURNS bigint LANGUAGE sql AS $$
  SELECT n FROM public.dblink(conn, 'SELECT count(*) FROM ' || quote_ident(tbl)) AS t(n bigint)
$$;
GRANT USAGE ON FOREIGN DATA WRAPPER pg_remote TO ap_etl;
GRANT USAGE ON FOREIGN SERVER csv_drops TO ap_etl WITH GRANT OPTION;
GRANT SELECT ON staging.daily_prices TO ap_etl;
