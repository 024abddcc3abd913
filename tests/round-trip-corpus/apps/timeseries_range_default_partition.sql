-- Imitates a pg_partman-managed time-series table: metrics range-partitioned by day with a default partition, a template-style index created ON ONLY the parent and attached per partition, BRIN on time and a retention function.
CREATE SCHEMA metrics;
CREATE TABLE metrics.samples (
  device_id integer NOT NULL,
  metric text NOT NULL,
  ts timestamptz NOT NULL,
  value double precision,
  labels jsonb
) PARTITION BY RANGE (ts);
CREATE TABLE metrics.samples_p20240601 PARTITION OF metrics.samples FOR VALUES FROM ('2024-06-01 00:00:00+00') TO ('2024-06-02 00:00:00+00');
CREATE TABLE metrics.samples_p20240602 PARTITION OF metrics.samples FOR VALUES FROM ('2024-06-02 00:00:00+00') TO ('2024-06-03 00:00:00+00');
CREATE TABLE metrics.samples_p20240603 PARTITION OF metrics.samples FOR VALUES FROM ('2024-06-03 00:00:00+00') TO ('2024-06-04 00:00:00+00');
CREATE TABLE metrics.samples_default PARTITION OF metrics.samples DEFAULT;
CREATE INDEX samples_device_ts_idx ON ONLY metrics.samples (device_id, ts DESC);
CREATE INDEX samples_p20240601_device_ts_idx ON metrics.samples_p20240601 (device_id, ts DESC);
CREATE INDEX samples_p20240602_device_ts_idx ON metrics.samples_p20240602 (device_id, ts DESC);
CREATE INDEX samples_p20240603_device_ts_idx ON metrics.samples_p20240603 (device_id, ts DESC);
CREATE INDEX samples_default_device_ts_idx ON metrics.samples_default (device_id, ts DESC);
ALTER INDEX metrics.samples_device_ts_idx ATTACH PARTITION metrics.samples_p20240601_device_ts_idx;
ALTER INDEX metrics.samples_device_ts_idx ATTACH PARTITION metrics.samples_p20240602_device_ts_idx;
ALTER INDEX metrics.samples_device_ts_idx ATTACH PARTITION metrics.samples_p20240603_device_ts_idx;
ALTER INDEX metrics.samples_device_ts_idx ATTACH PARTITION metrics.samples_default_device_ts_idx;
CREATE INDEX samples_p20240601_ts_brin ON metrics.samples_p20240601 USING brin (ts) WITH (pages_per_range = 32);
CREATE INDEX samples_p20240602_ts_brin ON metrics.samples_p20240602 USING brin (ts) WITH (pages_per_range = 32);
ALTER TABLE metrics.samples_p20240601 SET (autovacuum_vacuum_scale_factor = 0.0, autovacuum_vacuum_threshold = 5000);
CREATE TABLE metrics.devices (
  id integer PRIMARY KEY,
  name text NOT NULL,
  tz text NOT NULL DEFAULT 'UTC'
);
CREATE TABLE metrics.rollup_hourly (
  device_id integer NOT NULL REFERENCES metrics.devices,
  metric text NOT NULL,
  bucket timestamptz NOT NULL,
  n bigint NOT NULL,
  min double precision,
  max double precision,
  avg double precision,
  PRIMARY KEY (device_id, metric, bucket)
);
CREATE FUNCTION metrics.drop_partitions_older_than(p_keep interval) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  r record;
  n integer := 0;
BEGIN
  FOR r IN
    SELECT c.oid::regclass AS part, pg_get_expr(c.relpartbound, c.oid) AS bound
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'metrics.samples'::regclass AND c.relname ~ '^samples_p\d{8}$'
  LOOP
    IF to_date(right(r.part::text, 8), 'YYYYMMDD') < (now() - p_keep)::date THEN
      EXECUTE format('DROP TABLE %s', r.part);
      n := n + 1;
    END IF;
  END LOOP;
  RETURN n;
END $$;
CREATE PROCEDURE metrics.rollup(p_from timestamptz, p_to timestamptz) LANGUAGE sql AS $$
  INSERT INTO metrics.rollup_hourly
  SELECT device_id, metric, date_trunc('hour', ts), count(*), min(value), max(value), avg(value)
    FROM metrics.samples WHERE ts >= p_from AND ts < p_to
   GROUP BY 1, 2, 3
  ON CONFLICT (device_id, metric, bucket) DO UPDATE SET n = EXCLUDED.n, min = EXCLUDED.min, max = EXCLUDED.max, avg = EXCLUDED.avg;
$$;
