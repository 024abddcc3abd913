-- Defaults calling user functions that live in another schema and are created before the table.
CREATE SCHEMA util;
CREATE SCHEMA app;
CREATE FUNCTION util.next_code(prefix text) RETURNS text LANGUAGE sql VOLATILE
    AS $$SELECT prefix || '-' || floor(random() * 1000000)::int$$;
CREATE FUNCTION util.tenant() RETURNS int LANGUAGE sql STABLE AS 'SELECT 1';
CREATE TABLE app.invoices (
    id int GENERATED ALWAYS AS IDENTITY,
    code text NOT NULL DEFAULT util.next_code('INV'),
    tenant_id int NOT NULL DEFAULT util.tenant(),
    CONSTRAINT invoices_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT invoices_code_fmt CHECK (code LIKE 'INV-%')
);
CREATE TABLE app.credit_notes (LIKE app.invoices INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES INCLUDING COMMENTS);
