CREATE TABLE public.readings (
    id integer NOT NULL,
    taken_on date NOT NULL,
    sensor text
) PARTITION BY RANGE (taken_on);
CREATE TABLE public.readings_2023 PARTITION OF public.readings FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE public.readings_2024 PARTITION OF public.readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX readings_sensor_idx ON public.readings (sensor);
