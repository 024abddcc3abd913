CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    customer_id integer,
    placed_at timestamp with time zone NOT NULL
);
INSERT INTO public.orders VALUES
    (1, 7, '2024-01-01 10:00+00'),
    (2, 7, '2024-01-02 11:00+00'),
    (3, NULL, '2024-01-03 12:00+00'),
    (4, 9, '2024-01-04 13:00+00');
