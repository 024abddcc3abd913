-- Imitates a BI/reporting layer (Metabase-fed warehouse in Postgres): base views over facts, materialized views stacked over views and each other, unique indexes for REFRESH CONCURRENTLY, WITH NO DATA matviews and a refresh procedure.
-- roles: ap_reporting
CREATE SCHEMA reporting;
CREATE TABLE public.sales (id bigint PRIMARY KEY, sold_at timestamptz NOT NULL, store_id integer NOT NULL, product_id integer NOT NULL, qty integer NOT NULL, unit_price numeric(10,2) NOT NULL);
CREATE TABLE public.stores (id integer PRIMARY KEY, region text NOT NULL, name text NOT NULL);
CREATE VIEW reporting.sales_enriched AS
  SELECT s.id, s.sold_at, date_trunc('day', s.sold_at) AS day, st.region, st.name AS store, s.product_id, s.qty, s.qty * s.unit_price AS revenue
  FROM public.sales s JOIN public.stores st ON st.id = s.store_id;
CREATE MATERIALIZED VIEW reporting.daily_revenue AS
  SELECT day, region, sum(revenue) AS revenue, sum(qty) AS units, count(*) AS tickets
  FROM reporting.sales_enriched GROUP BY day, region;
CREATE UNIQUE INDEX daily_revenue_pk ON reporting.daily_revenue (day, region);
CREATE MATERIALIZED VIEW reporting.monthly_revenue AS
  SELECT date_trunc('month', day) AS month, region, sum(revenue) AS revenue
  FROM reporting.daily_revenue GROUP BY 1, 2
  WITH DATA;
CREATE UNIQUE INDEX monthly_revenue_pk ON reporting.monthly_revenue (month, region);
CREATE VIEW reporting.region_growth AS
  SELECT month, region, revenue, revenue - lag(revenue) OVER (PARTITION BY region ORDER BY month) AS growth
  FROM reporting.monthly_revenue;
CREATE MATERIALIZED VIEW reporting.top_products AS
  SELECT product_id, sum(revenue) AS revenue, rank() OVER (ORDER BY sum(revenue) DESC) AS rnk
  FROM reporting.sales_enriched GROUP BY product_id
  WITH NO DATA;
CREATE INDEX top_products_rnk ON reporting.top_products (rnk);
CREATE MATERIALIZED VIEW reporting.store_snapshot WITH (fillfactor = 70, autovacuum_enabled = false) AS
  SELECT st.id, st.name, (SELECT max(sold_at) FROM public.sales s WHERE s.store_id = st.id) AS last_sale FROM public.stores st;
CREATE PROCEDURE reporting.refresh_all() LANGUAGE plpgsql AS $$
BEGIN
  REFRESH MATERIALIZED VIEW CONCURRENTLY reporting.daily_revenue;
  REFRESH MATERIALIZED VIEW CONCURRENTLY reporting.monthly_revenue;
  REFRESH MATERIALIZED VIEW reporting.top_products;
  REFRESH MATERIALIZED VIEW reporting.store_snapshot;
END $$;
GRANT USAGE ON SCHEMA reporting TO ap_reporting;
GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO ap_reporting;
ALTER MATERIALIZED VIEW reporting.top_products OWNER TO ap_reporting;
COMMENT ON MATERIALIZED VIEW reporting.daily_revenue IS 'refreshed every 15 minutes by reporting.refresh_all()';
