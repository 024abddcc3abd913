CREATE TABLE public.transfers (
    id integer PRIMARY KEY,
    amount integer NOT NULL,
    memo text
);
INSERT INTO public.transfers VALUES
    (1, 100, 'rent'),
    (2, -50, NULL),
    (3, 2147483647, 'max');
