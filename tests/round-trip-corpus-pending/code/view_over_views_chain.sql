-- Reporting layers: views over views over views, created in an order that differs from name order.
CREATE SCHEMA rpt;
CREATE TABLE rpt.sales (id int, region text, amount numeric, sold_on date);
CREATE VIEW rpt.z_base AS SELECT region, amount, date_trunc('month', sold_on) AS month FROM rpt.sales;
CREATE VIEW rpt.y_monthly AS SELECT region, month, sum(amount) AS total FROM rpt.z_base GROUP BY region, month;
CREATE VIEW rpt.x_top AS SELECT * FROM rpt.y_monthly WHERE total > (SELECT avg(total) FROM rpt.y_monthly);
CREATE VIEW rpt.a_dashboard AS
  SELECT t.region, t.month, t.total, b.cnt
  FROM rpt.x_top t
  JOIN LATERAL (SELECT count(*) AS cnt FROM rpt.z_base z WHERE z.region = t.region) b ON true;
CREATE VIEW rpt.b_union AS SELECT region FROM rpt.x_top UNION SELECT region FROM rpt.z_base;
