CREATE TABLE public.counters (
    id integer PRIMARY KEY,
    name text NOT NULL,
    hits bigint
);
