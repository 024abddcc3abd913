-- pg-flux: renamed from orders
CREATE TABLE public.purchases (
    id integer NOT NULL,
    customer text NOT NULL,
    placed_on date NOT NULL,
    note text,
    CONSTRAINT orders_pkey PRIMARY KEY (id)
);
CREATE INDEX orders_placed_on_idx ON public.purchases (placed_on);
CREATE TABLE public.order_lines (
    id integer PRIMARY KEY,
    order_id integer NOT NULL REFERENCES public.purchases (id),
    product text NOT NULL
);
