-- pg-flux: renamed from net
CREATE FUNCTION public.net_amount(gross numeric, rate numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT round(gross / (1 + rate), 2) $$;
CREATE TABLE public.invoices (
    id integer PRIMARY KEY,
    gross numeric(10,2),
    vat_rate numeric(4,3) NOT NULL DEFAULT 0.25
);
CREATE VIEW public.invoice_net AS
    SELECT id, public.net_amount(gross, vat_rate) AS net FROM public.invoices;
