CREATE TABLE public.prices (
    id integer PRIMARY KEY,
    item text NOT NULL,
    amount numeric(12,2)
);
