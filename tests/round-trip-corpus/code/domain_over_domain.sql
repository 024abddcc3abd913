-- Layered domains: a positive int, a percentage over it, and an array domain over the latter.
CREATE SCHEMA metrics;
CREATE DOMAIN metrics.nonneg AS int CHECK (VALUE >= 0);
CREATE DOMAIN metrics.percent AS metrics.nonneg CHECK (VALUE <= 100) DEFAULT 0;
CREATE DOMAIN metrics.percent_list AS metrics.percent[] CHECK (cardinality(VALUE) <= 10);
CREATE DOMAIN metrics.strict_percent AS metrics.percent NOT NULL;
CREATE TABLE metrics.samples (id int, p metrics.percent, ps metrics.percent_list, s metrics.strict_percent);
CREATE FUNCTION metrics.avg_pct(ps metrics.percent_list) RETURNS numeric
  LANGUAGE sql IMMUTABLE AS 'SELECT avg(x) FROM unnest(ps) x';
