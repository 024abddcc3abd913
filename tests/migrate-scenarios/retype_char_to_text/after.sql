CREATE TABLE public.currencies (
    id integer PRIMARY KEY,
    code text NOT NULL,
    symbol text
);
