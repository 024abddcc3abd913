-- Imitates a reporting database pulling from the OLTP primary through postgres_fdw: a server with connection options, user mappings (no secrets; see fdw_user_mapping_password), foreign tables with column options, a foreign-table schema and grants.
-- roles: ap_etl, ap_analyst
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE SERVER oltp_primary FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'oltp.internal', port '5432', dbname 'shop', fetch_size '10000', use_remote_estimate 'true');
COMMENT ON SERVER oltp_primary IS 'production OLTP database, read-only replica user';
CREATE USER MAPPING FOR ap_etl SERVER oltp_primary OPTIONS (user 'etl_reader', sslcert '/etc/etl/client.crt');
CREATE USER MAPPING FOR ap_analyst SERVER oltp_primary OPTIONS (user 'analyst_reader');
CREATE USER MAPPING FOR PUBLIC SERVER oltp_primary OPTIONS (user 'nobody');
CREATE SCHEMA oltp;
CREATE FOREIGN TABLE oltp.orders (
  id bigint NOT NULL,
  customer_id bigint OPTIONS (column_name 'customer'),
  total numeric(12,2),
  created_at timestamptz
) SERVER oltp_primary OPTIONS (schema_name 'public', table_name 'orders');
CREATE FOREIGN TABLE oltp.customers (
  id bigint NOT NULL,
  email text,
  country char(2) DEFAULT 'US'
) SERVER oltp_primary OPTIONS (schema_name 'public', table_name 'customers', updatable 'false');
ALTER FOREIGN TABLE oltp.customers ADD CONSTRAINT customers_country_check CHECK (country ~ '^[A-Z]{2}$');
COMMENT ON FOREIGN TABLE oltp.orders IS 'public.orders on the primary';
COMMENT ON COLUMN oltp.orders.customer_id IS 'renamed from customer';
CREATE VIEW public.orders_by_country AS
  SELECT c.country, count(*) AS orders, sum(o.total) AS revenue FROM oltp.orders o JOIN oltp.customers c ON c.id = o.customer_id GROUP BY c.country;
GRANT USAGE ON SCHEMA oltp TO ap_analyst;
GRANT SELECT ON oltp.orders, oltp.customers TO ap_analyst;
GRANT USAGE ON FOREIGN SERVER oltp_primary TO ap_etl;
