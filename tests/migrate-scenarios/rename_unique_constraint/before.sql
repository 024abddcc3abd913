CREATE TABLE public.products (
    id integer PRIMARY KEY,
    code text UNIQUE,
    name text NOT NULL
);
INSERT INTO public.products VALUES
    (1, 'P-1', 'pen'),
    (2, NULL, 'pencil'),
    (3, 'P-3', 'paper');
