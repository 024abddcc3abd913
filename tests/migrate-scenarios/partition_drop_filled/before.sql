CREATE TABLE public.metrics (
    id integer NOT NULL,
    taken_on date NOT NULL,
    reading double precision
) PARTITION BY RANGE (taken_on);
CREATE TABLE public.metrics_2022 PARTITION OF public.metrics FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
CREATE TABLE public.metrics_2023 PARTITION OF public.metrics FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
INSERT INTO public.metrics VALUES
    (1, '2022-02-02', 1.5),
    (2, '2022-11-30', NULL),
    (3, '2023-01-01', 2.25),
    (4, '2023-06-30', -7);
