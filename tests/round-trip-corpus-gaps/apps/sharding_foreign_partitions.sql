-- Imitates poor-man's sharding with postgres_fdw (the "partitioned table over foreign tables" setup from PGConf talks): a range-partitioned table whose old partitions are foreign tables on an archive server, a local hot partition and a default partition.
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE SERVER archive_2022 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'archive-2022.internal', dbname 'orders_archive', fetch_size '10000');
CREATE SERVER archive_2023 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'archive-2023.internal', dbname 'orders_archive');
CREATE USER MAPPING FOR PUBLIC SERVER archive_2022 OPTIONS (user 'archive_ro');
CREATE USER MAPPING FOR PUBLIC SERVER archive_2023 OPTIONS (user 'archive_ro');
CREATE TABLE public.orders (
  id bigint NOT NULL,
  ordered_at timestamptz NOT NULL,
  customer_id bigint NOT NULL,
  total numeric(12,2) NOT NULL
) PARTITION BY RANGE (ordered_at);
CREATE FOREIGN TABLE public.orders_2022 PARTITION OF public.orders FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2023-01-01 00:00:00+00')
  SERVER archive_2022 OPTIONS (schema_name 'public', table_name 'orders');
CREATE FOREIGN TABLE public.orders_2023 (
  id bigint NOT NULL,
  ordered_at timestamptz NOT NULL,
  customer_id bigint NOT NULL,
  total numeric(12,2) NOT NULL
) SERVER archive_2023 OPTIONS (table_name 'orders', fetch_size '5000');
ALTER TABLE public.orders ATTACH PARTITION public.orders_2023 FOR VALUES FROM ('2023-01-01 00:00:00+00') TO ('2024-01-01 00:00:00+00');
CREATE TABLE public.orders_2024 PARTITION OF public.orders FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00');
CREATE TABLE public.orders_future PARTITION OF public.orders DEFAULT;
CREATE INDEX orders_2024_customer ON public.orders_2024 (customer_id, ordered_at DESC);
ALTER TABLE public.orders_2024 ADD PRIMARY KEY (id, ordered_at);
COMMENT ON FOREIGN TABLE public.orders_2022 IS 'archived to archive-2022; read-only';
CREATE TABLE public.customers_base (id bigint, name text);
CREATE FOREIGN TABLE public.customers_remote (region text) INHERITS (public.customers_base) SERVER archive_2023 OPTIONS (table_name 'customers');
CREATE VIEW public.orders_per_year AS SELECT date_trunc('year', ordered_at) AS year, count(*) AS n, sum(total) AS revenue FROM public.orders GROUP BY 1;
