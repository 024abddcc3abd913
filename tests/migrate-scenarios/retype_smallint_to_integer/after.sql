CREATE TABLE public.stock (
    id integer PRIMARY KEY,
    sku text NOT NULL,
    qty integer NOT NULL DEFAULT 0
);
