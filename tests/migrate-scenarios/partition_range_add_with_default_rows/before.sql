CREATE TABLE public.entries (
    id integer NOT NULL,
    logged_on date NOT NULL,
    body text
) PARTITION BY RANGE (logged_on);
CREATE TABLE public.entries_2023 PARTITION OF public.entries FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE public.entries_default PARTITION OF public.entries DEFAULT;
-- Rows 3 to 5 sit in the default partition, outside the bound after.sql adds (rows inside it
-- would make the new partition fail: the hazard says to move them first).
INSERT INTO public.entries VALUES
    (1, '2023-05-05', 'a'),
    (2, '2023-09-09', NULL),
    (3, '2026-02-02', 'c'),
    (4, '2026-10-10', 'd'),
    (5, '2030-01-01', 'far future');
