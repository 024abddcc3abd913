-- min-major: 14
-- A materialized view over a SQL-standard function that reads a table, and a function over the matview.
CREATE SCHEMA ms;
CREATE TABLE ms.prices (sku text, price numeric);
CREATE FUNCTION ms.avg_price() RETURNS numeric LANGUAGE sql STABLE RETURN (SELECT avg(price) FROM ms.prices);
CREATE MATERIALIZED VIEW ms.snapshot AS SELECT now()::date AS taken, ms.avg_price() AS avg;
CREATE FUNCTION ms.latest() RETURNS numeric LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT avg FROM ms.snapshot ORDER BY taken DESC LIMIT 1;
END;
