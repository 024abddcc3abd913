-- Imitates schema-per-tenant SaaS (apartment / django-tenants): a shared `public` tenant registry and identical per-tenant schemas with their own sequences, plus a template-clone function.
CREATE TABLE public.customers_client (
    id serial PRIMARY KEY,
    schema_name character varying(63) NOT NULL UNIQUE,
    name character varying(100) NOT NULL,
    paid_until date,
    on_trial boolean NOT NULL,
    created_on date NOT NULL
);
CREATE TABLE public.customers_domain (
    id serial PRIMARY KEY,
    domain character varying(253) NOT NULL UNIQUE,
    is_primary boolean NOT NULL,
    tenant_id integer NOT NULL REFERENCES public.customers_client(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX customers_domain_is_primary_idx ON public.customers_domain (is_primary);
CREATE SCHEMA tenant_acme;
CREATE SCHEMA tenant_globex;
CREATE SCHEMA "tenant_Initech";
CREATE TABLE tenant_acme.invoices (id serial PRIMARY KEY, number text NOT NULL UNIQUE, amount_cents bigint NOT NULL CHECK (amount_cents >= 0), issued_on date NOT NULL DEFAULT CURRENT_DATE);
CREATE TABLE tenant_acme.invoice_lines (id serial PRIMARY KEY, invoice_id integer NOT NULL REFERENCES tenant_acme.invoices ON DELETE CASCADE, description text, cents bigint NOT NULL);
CREATE TABLE tenant_globex.invoices (id serial PRIMARY KEY, number text NOT NULL UNIQUE, amount_cents bigint NOT NULL CHECK (amount_cents >= 0), issued_on date NOT NULL DEFAULT CURRENT_DATE);
CREATE TABLE tenant_globex.invoice_lines (id serial PRIMARY KEY, invoice_id integer NOT NULL REFERENCES tenant_globex.invoices ON DELETE CASCADE, description text, cents bigint NOT NULL);
CREATE TABLE "tenant_Initech".invoices (id serial PRIMARY KEY, number text NOT NULL UNIQUE, amount_cents bigint NOT NULL CHECK (amount_cents >= 0), issued_on date NOT NULL DEFAULT CURRENT_DATE);
CREATE TABLE "tenant_Initech".invoice_lines (id serial PRIMARY KEY, invoice_id integer NOT NULL REFERENCES "tenant_Initech".invoices ON DELETE CASCADE, description text, cents bigint NOT NULL);
CREATE VIEW tenant_acme.invoice_totals AS SELECT i.id, i.number, sum(l.cents) AS line_cents FROM tenant_acme.invoices i LEFT JOIN tenant_acme.invoice_lines l ON l.invoice_id = i.id GROUP BY i.id;
CREATE VIEW tenant_globex.invoice_totals AS SELECT i.id, i.number, sum(l.cents) AS line_cents FROM tenant_globex.invoices i LEFT JOIN tenant_globex.invoice_lines l ON l.invoice_id = i.id GROUP BY i.id;
CREATE FUNCTION public.clone_schema(source_schema text, dest_schema text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  object text;
BEGIN
  EXECUTE format('CREATE SCHEMA %I', dest_schema);
  FOR object IN SELECT table_name::text FROM information_schema.tables WHERE table_schema = source_schema AND table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('CREATE TABLE %I.%I (LIKE %I.%I INCLUDING ALL)', dest_schema, object, source_schema, object);
  END LOOP;
END;
$$;
COMMENT ON SCHEMA "tenant_Initech" IS 'tenant created before schema names were lower-cased';
