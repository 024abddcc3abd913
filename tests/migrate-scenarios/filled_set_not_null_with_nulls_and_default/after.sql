CREATE TABLE public.profiles (
    id integer PRIMARY KEY,
    handle text NOT NULL,
    country text NOT NULL DEFAULT 'unknown'
);
