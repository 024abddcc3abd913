CREATE TABLE public.ledger (
    id integer,
    at date,
    amount integer
) PARTITION BY RANGE (at);
CREATE TABLE public.ledger_2020 PARTITION OF public.ledger FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE public.ledger_2021 PARTITION OF public.ledger FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
