CREATE UNLOGGED TABLE public.cache_entries (
    key text PRIMARY KEY,
    val text,
    hits integer NOT NULL DEFAULT 0
);
INSERT INTO public.cache_entries VALUES
    ('a', 'alpha', 3),
    ('b', NULL, 0),
    ('c', 'gamma', 12);
