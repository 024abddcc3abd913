CREATE TABLE public.products (
    id integer PRIMARY KEY,
    code text,
    name text NOT NULL
);
-- pg-flux: renamed from products_code_key
ALTER TABLE public.products ADD CONSTRAINT products_code_unique UNIQUE (code);
