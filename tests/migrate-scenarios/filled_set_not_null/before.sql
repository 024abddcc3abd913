CREATE TABLE public.customers (
    id integer PRIMARY KEY,
    email text,
    name text
);
INSERT INTO public.customers VALUES
    (1, 'ann@example.com', 'Ann'),
    (2, 'bob@example.com', NULL),
    (3, 'cy@example.com', 'Cy'),
    (4, 'dee@example.com', NULL);
