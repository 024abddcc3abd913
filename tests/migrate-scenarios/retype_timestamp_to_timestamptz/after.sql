CREATE TABLE public.events (
    id integer PRIMARY KEY,
    kind text NOT NULL,
    happened_at timestamp with time zone
);
