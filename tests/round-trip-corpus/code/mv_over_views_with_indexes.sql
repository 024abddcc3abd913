-- A reporting materialized view over a view, with a unique index (for REFRESH CONCURRENTLY) and other indexes.
CREATE SCHEMA mat;
CREATE TABLE mat.orders (id int PRIMARY KEY, customer text, amount numeric, placed date);
CREATE VIEW mat.order_months AS SELECT customer, date_trunc('month', placed)::date AS month, amount FROM mat.orders;
CREATE MATERIALIZED VIEW mat.monthly AS
  SELECT customer, month, sum(amount) AS total, count(*) AS n FROM mat.order_months GROUP BY customer, month;
CREATE UNIQUE INDEX monthly_key ON mat.monthly (customer, month);
CREATE INDEX monthly_total ON mat.monthly (total DESC) WHERE total > 0;
CREATE INDEX monthly_expr ON mat.monthly (lower(customer));
COMMENT ON MATERIALIZED VIEW mat.monthly IS 'refresh nightly';
COMMENT ON COLUMN mat.monthly.total IS 'sum of amounts';
