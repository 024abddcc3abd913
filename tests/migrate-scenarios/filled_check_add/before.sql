CREATE TABLE public.products (
    id integer PRIMARY KEY,
    name text NOT NULL,
    price numeric(10,2)
);
INSERT INTO public.products VALUES
    (1, 'pen', 1.99),
    (2, 'book', 12.00),
    (3, 'sample', NULL),
    (4, 'desk', 150.00);
