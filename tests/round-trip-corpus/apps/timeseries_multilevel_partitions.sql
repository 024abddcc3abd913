-- Imitates an IoT telemetry store: readings partitioned by month (range), each month sub-partitioned by hash of sensor_id, and a list-partitioned alerts table with a default partition.
CREATE TABLE public.readings (
  sensor_id bigint NOT NULL,
  read_at timestamp NOT NULL,
  temperature numeric(5,2),
  humidity numeric(5,2),
  battery smallint CHECK (battery BETWEEN 0 AND 100),
  PRIMARY KEY (sensor_id, read_at)
) PARTITION BY RANGE (read_at);
CREATE TABLE public.readings_2024_05 PARTITION OF public.readings FOR VALUES FROM ('2024-05-01') TO ('2024-06-01') PARTITION BY HASH (sensor_id);
CREATE TABLE public.readings_2024_05_h0 PARTITION OF public.readings_2024_05 FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE public.readings_2024_05_h1 PARTITION OF public.readings_2024_05 FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE public.readings_2024_05_h2 PARTITION OF public.readings_2024_05 FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE public.readings_2024_05_h3 PARTITION OF public.readings_2024_05 FOR VALUES WITH (MODULUS 4, REMAINDER 3);
CREATE TABLE public.readings_2024_06 PARTITION OF public.readings FOR VALUES FROM ('2024-06-01') TO ('2024-07-01') PARTITION BY HASH (sensor_id);
CREATE TABLE public.readings_2024_06_h0 PARTITION OF public.readings_2024_06 FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE public.readings_2024_06_h1 PARTITION OF public.readings_2024_06 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE public.readings_old PARTITION OF public.readings FOR VALUES FROM (MINVALUE) TO ('2024-05-01');
CREATE TYPE public.alert_level AS ENUM ('info', 'warning', 'critical');
CREATE TABLE public.alerts (
  id bigint GENERATED ALWAYS AS IDENTITY,
  level public.alert_level NOT NULL,
  sensor_id bigint NOT NULL,
  raised_at timestamptz NOT NULL DEFAULT now(),
  message text,
  acknowledged boolean NOT NULL DEFAULT false,
  PRIMARY KEY (id, level)
) PARTITION BY LIST (level);
CREATE TABLE public.alerts_critical PARTITION OF public.alerts FOR VALUES IN ('critical');
CREATE TABLE public.alerts_other PARTITION OF public.alerts FOR VALUES IN ('info', 'warning');
CREATE TABLE public.sensors (id bigint PRIMARY KEY, site text NOT NULL, installed_on date);
ALTER TABLE public.alerts ADD CONSTRAINT alerts_sensor_fk FOREIGN KEY (sensor_id) REFERENCES public.sensors (id);
CREATE TABLE public.site_stats (site text NOT NULL, day date NOT NULL, readings bigint) PARTITION BY LIST (site);
CREATE TABLE public.site_stats_eu PARTITION OF public.site_stats FOR VALUES IN ('eu-west', 'eu-central', NULL);
CREATE TABLE public.site_stats_rest PARTITION OF public.site_stats DEFAULT;
COMMENT ON TABLE public.readings_2024_05 IS 'May 2024, hashed four ways';
