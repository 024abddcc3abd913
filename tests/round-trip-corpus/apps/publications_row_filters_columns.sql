-- Imitates PostgreSQL 15+ logical replication to an analytics replica: publications with column lists and WHERE row filters, FOR TABLES IN SCHEMA, and a mix of both in one publication.
-- min-major: 15
CREATE SCHEMA sales;
CREATE SCHEMA reference;
CREATE TABLE sales.orders (
  id bigint PRIMARY KEY,
  region text NOT NULL,
  customer_email text,
  card_last4 char(4),
  amount numeric(12,2) NOT NULL,
  status text NOT NULL DEFAULT 'new',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE sales.order_items (order_id bigint NOT NULL REFERENCES sales.orders, sku text NOT NULL, qty integer NOT NULL, PRIMARY KEY (order_id, sku));
CREATE TABLE reference.countries (code char(2) PRIMARY KEY, name text NOT NULL);
CREATE TABLE reference.currencies (code char(3) PRIMARY KEY, name text NOT NULL, minor_units smallint NOT NULL DEFAULT 2);
CREATE TABLE public.users (id bigint PRIMARY KEY, email text NOT NULL, password_hash text, is_test boolean NOT NULL DEFAULT false);
CREATE PUBLICATION analytics_orders FOR TABLE sales.orders (id, region, amount, status, created_at) WHERE (status <> 'draft');
CREATE PUBLICATION eu_orders FOR TABLE sales.orders WHERE (region = 'eu' AND amount > 0), sales.order_items WITH (publish = 'insert, update');
CREATE PUBLICATION reference_data FOR TABLES IN SCHEMA reference;
CREATE PUBLICATION mixed_pub FOR TABLES IN SCHEMA reference, TABLE public.users WHERE (NOT is_test);
ALTER PUBLICATION mixed_pub ADD TABLE sales.order_items;
CREATE PUBLICATION schema_then_dropped FOR TABLES IN SCHEMA sales, reference;
ALTER PUBLICATION schema_then_dropped DROP TABLES IN SCHEMA sales;
