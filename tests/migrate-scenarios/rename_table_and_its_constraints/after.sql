-- pg-flux: renamed from clients
CREATE TABLE public.customers (
    id integer,
    email text,
    score integer,
    -- pg-flux: renamed from clients_pkey
    CONSTRAINT customers_pkey PRIMARY KEY (id),
    -- pg-flux: renamed from clients_email_key
    CONSTRAINT customers_email_key UNIQUE (email),
    -- pg-flux: renamed from clients_score_check
    CONSTRAINT customers_score_check CHECK (score >= 0)
);
-- pg-flux: renamed from clients_score_idx
CREATE INDEX customers_score_idx ON public.customers (score);
CREATE TABLE public.invoices (
    id integer PRIMARY KEY,
    client_id integer,
    total numeric(10,2),
    -- pg-flux: renamed from invoices_client_id_fkey
    CONSTRAINT invoices_customer_fkey FOREIGN KEY (client_id) REFERENCES public.customers (id)
);
