CREATE TABLE public.metrics (
    id integer NOT NULL,
    taken_on date NOT NULL,
    reading double precision
) PARTITION BY RANGE (taken_on);
CREATE TABLE public.metrics_2023 PARTITION OF public.metrics FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
