CREATE TABLE public.ledger (
    id integer,
    at date,
    amount integer
) PARTITION BY RANGE (at);
CREATE TABLE public.ledger_2020 PARTITION OF public.ledger FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE public.ledger_2021 (
    id integer,
    at date,
    amount integer
);
INSERT INTO public.ledger VALUES
    (1, '2020-03-03', 100),
    (2, '2020-04-04', NULL);
INSERT INTO public.ledger_2021 VALUES
    (3, '2021-01-01', 5),
    (4, '2021-12-31', -5),
    (5, '2021-07-07', NULL);
