CREATE TABLE public.stock (
    id integer PRIMARY KEY,
    sku text NOT NULL,
    qty smallint NOT NULL DEFAULT 0
);
INSERT INTO public.stock VALUES
    (1, 'A-100', 32767),
    (2, 'A-200', 0),
    (3, 'B-300', -32768),
    (4, 'C-400', 12);
