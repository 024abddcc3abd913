CREATE TABLE public.entries (
    id integer NOT NULL,
    logged_on date NOT NULL,
    body text
) PARTITION BY RANGE (logged_on);
CREATE TABLE public.entries_2023 PARTITION OF public.entries FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE public.entries_2024 PARTITION OF public.entries FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.entries_default PARTITION OF public.entries DEFAULT;
