CREATE TABLE public.order_items (
    id integer PRIMARY KEY,
    qty integer NOT NULL,
    unit_price numeric(10,2) NOT NULL
);
INSERT INTO public.order_items VALUES
    (1, 2, 9.99),
    (2, 1, 100.00),
    (3, 10, 0.50),
    (4, 3, 0.00);
