CREATE TABLE public.payments (
    id integer PRIMARY KEY,
    payer text,
    amount numeric(12,2) NOT NULL
);
