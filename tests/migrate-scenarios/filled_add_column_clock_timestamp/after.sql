CREATE TABLE public.visits (
    id integer PRIMARY KEY,
    page text NOT NULL,
    seen_at timestamp with time zone NOT NULL DEFAULT clock_timestamp()
);
