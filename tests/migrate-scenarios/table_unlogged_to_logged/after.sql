CREATE TABLE public.cache_entries (
    key text PRIMARY KEY,
    val text,
    hits integer NOT NULL DEFAULT 0
);
