-- pg-flux: renamed from accounts
CREATE TABLE public.customers (
    id integer PRIMARY KEY,
    -- pg-flux: renamed from fullname
    name text NOT NULL,
    -- pg-flux: renamed from positive
    CONSTRAINT id_positive CHECK (id > 0)
);
-- pg-flux: renamed from accounts_fullname_idx
CREATE INDEX customers_name_idx ON public.customers (name);
CREATE VIEW public.account_names AS SELECT id, name AS fullname FROM public.customers;
