CREATE TABLE public.lines (
    id integer PRIMARY KEY,
    qty integer,
    price numeric(10,2),
    CONSTRAINT qty_positive CHECK (qty > 0)
);
INSERT INTO public.lines VALUES
    (1, 1, 9.99),
    (2, 12, NULL),
    (3, NULL, 1.00),
    (4, 3, 3.00);
