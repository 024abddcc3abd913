CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    customer_id integer,
    placed_at timestamp with time zone NOT NULL
);
CREATE INDEX orders_customer_idx ON public.orders (customer_id);
