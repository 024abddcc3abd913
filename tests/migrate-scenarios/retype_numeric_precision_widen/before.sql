CREATE TABLE public.prices (
    id integer PRIMARY KEY,
    item text NOT NULL,
    amount numeric(8,2)
);
INSERT INTO public.prices VALUES
    (1, 'pen', 1.99),
    (2, 'car', 999999.99),
    (3, 'air', NULL),
    (4, 'refund', -12.50);
