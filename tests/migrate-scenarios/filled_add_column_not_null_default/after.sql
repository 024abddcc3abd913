CREATE TABLE public.accounts (
    id integer PRIMARY KEY,
    owner text,
    balance integer NOT NULL DEFAULT 0
);
