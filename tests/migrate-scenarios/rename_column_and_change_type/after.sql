CREATE TABLE public.transfers (
    id integer PRIMARY KEY,
    -- pg-flux: renamed from amount
    amount_cents bigint NOT NULL,
    memo text
);
