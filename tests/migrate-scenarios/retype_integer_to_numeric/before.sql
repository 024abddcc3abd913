CREATE TABLE public.payments (
    id integer PRIMARY KEY,
    payer text,
    amount integer NOT NULL
);
INSERT INTO public.payments VALUES
    (1, 'ann', 100),
    (2, NULL, 0),
    (3, 'bob', -250),
    (4, 'cy', 9999999);
