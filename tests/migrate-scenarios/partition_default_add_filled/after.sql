CREATE TABLE public.tasks (
    id integer NOT NULL,
    opened_on date NOT NULL,
    title text
) PARTITION BY RANGE (opened_on);
CREATE TABLE public.tasks_2024 PARTITION OF public.tasks FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.tasks_other PARTITION OF public.tasks DEFAULT;
