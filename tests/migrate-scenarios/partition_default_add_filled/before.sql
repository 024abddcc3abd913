CREATE TABLE public.tasks (
    id integer NOT NULL,
    opened_on date NOT NULL,
    title text
) PARTITION BY RANGE (opened_on);
CREATE TABLE public.tasks_2024 PARTITION OF public.tasks FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO public.tasks VALUES
    (1, '2024-01-05', 'plan'),
    (2, '2024-04-01', NULL),
    (3, '2024-12-31', 'ship');
