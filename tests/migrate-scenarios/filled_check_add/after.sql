CREATE TABLE public.products (
    id integer PRIMARY KEY,
    name text NOT NULL,
    price numeric(10,2),
    CONSTRAINT price_positive CHECK (price > 0)
);
