CREATE TABLE public.stock (
    id integer PRIMARY KEY,
    qty integer CHECK (qty >= 0),
    sku text
);
INSERT INTO public.stock VALUES
    (1, 0, 'a'),
    (2, 5, NULL),
    (3, NULL, 'c');
