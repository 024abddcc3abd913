CREATE TABLE public.orders (
    id integer NOT NULL,
    customer text NOT NULL,
    placed_on date NOT NULL,
    note text,
    CONSTRAINT orders_pkey PRIMARY KEY (id)
);
CREATE INDEX orders_placed_on_idx ON public.orders (placed_on);
CREATE TABLE public.order_lines (
    id integer PRIMARY KEY,
    order_id integer NOT NULL REFERENCES public.orders (id),
    product text NOT NULL
);
INSERT INTO public.orders VALUES
    (1, 'ann', '2024-01-01', NULL),
    (2, 'bob', '2024-01-02', 'gift'),
    (3, 'cy', '2024-01-03', NULL);
INSERT INTO public.order_lines VALUES
    (10, 1, 'pen'),
    (11, 1, 'ink'),
    (12, 2, 'book'),
    (13, 3, 'lamp');
