-- Imitates a documented ERP schema (Odoo/ERPNext-like data dictionary): COMMENT ON every kind of object — schema, table, column, view column, index, constraint, sequence, type, domain, function, trigger, policy, rule, materialized view, extension.
CREATE SCHEMA erp;
COMMENT ON SCHEMA erp IS 'Enterprise resource planning core';
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA erp;
COMMENT ON EXTENSION citext IS 'case-insensitive text, used for partner e-mails';
CREATE TYPE erp.partner_kind AS ENUM ('customer', 'supplier', 'both');
COMMENT ON TYPE erp.partner_kind IS 'Role a partner plays';
CREATE TYPE erp.address AS (street text, city text, zip text);
COMMENT ON TYPE erp.address IS 'Postal address';
COMMENT ON COLUMN erp.address.zip IS 'Postal code as written on the envelope';
CREATE DOMAIN erp.vat_number AS text CONSTRAINT vat_format CHECK (VALUE ~ '^[A-Z]{2}[0-9A-Z]{2,12}$');
COMMENT ON DOMAIN erp.vat_number IS 'EU VAT identification number';
COMMENT ON CONSTRAINT vat_format ON DOMAIN erp.vat_number IS 'two-letter country prefix then 2–12 characters';
CREATE SEQUENCE erp.invoice_number_seq START 1000;
COMMENT ON SEQUENCE erp.invoice_number_seq IS 'Gapless-ish invoice numbers';
CREATE TABLE erp.partners (
  id serial PRIMARY KEY,
  kind erp.partner_kind NOT NULL,
  name text NOT NULL,
  email erp.citext,
  vat erp.vat_number,
  address erp.address,
  CONSTRAINT partners_name_not_blank CHECK (btrim(name) <> '')
);
COMMENT ON TABLE erp.partners IS 'Customers and suppliers';
COMMENT ON COLUMN erp.partners.kind IS 'See erp.partner_kind';
COMMENT ON COLUMN erp.partners.email IS 'Primary contact e-mail (case-insensitive)';
COMMENT ON CONSTRAINT partners_name_not_blank ON erp.partners IS 'Names must contain something other than spaces';
COMMENT ON CONSTRAINT partners_pkey ON erp.partners IS 'Surrogate key';
CREATE UNIQUE INDEX partners_vat_key ON erp.partners (vat) WHERE vat IS NOT NULL;
COMMENT ON INDEX erp.partners_vat_key IS 'A VAT number identifies one partner';
CREATE TABLE erp.invoices (
  id integer PRIMARY KEY DEFAULT nextval('erp.invoice_number_seq'),
  partner_id integer NOT NULL REFERENCES erp.partners,
  total numeric(14,2) NOT NULL,
  posted boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE erp.invoices IS $$Invoices; "posted" ones are immutable$$;
COMMENT ON COLUMN erp.invoices.total IS E'Total incl. tax\nin the partner''s currency';
CREATE FUNCTION erp.forbid_posted_changes() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF OLD.posted THEN RAISE EXCEPTION 'posted'; END IF; RETURN NEW; END $$;
COMMENT ON FUNCTION erp.forbid_posted_changes() IS 'Trigger: posted invoices cannot change';
CREATE TRIGGER invoices_posted_guard BEFORE UPDATE ON erp.invoices FOR EACH ROW EXECUTE FUNCTION erp.forbid_posted_changes();
COMMENT ON TRIGGER invoices_posted_guard ON erp.invoices IS 'See erp.forbid_posted_changes()';
ALTER TABLE erp.invoices ENABLE ROW LEVEL SECURITY;
CREATE POLICY invoices_all ON erp.invoices USING (true);
COMMENT ON POLICY invoices_all ON erp.invoices IS 'Placeholder policy until roles exist';
CREATE VIEW erp.open_invoices AS SELECT id, partner_id, total FROM erp.invoices WHERE NOT posted;
COMMENT ON VIEW erp.open_invoices IS 'Invoices still editable';
COMMENT ON COLUMN erp.open_invoices.total IS 'Total of the open invoice';
CREATE RULE open_invoices_delete AS ON DELETE TO erp.open_invoices DO INSTEAD DELETE FROM erp.invoices WHERE id = OLD.id AND NOT posted;
COMMENT ON RULE open_invoices_delete ON erp.open_invoices IS 'Deleting through the view only removes unposted invoices';
CREATE MATERIALIZED VIEW erp.partner_totals AS SELECT partner_id, sum(total) AS total FROM erp.invoices GROUP BY partner_id;
COMMENT ON MATERIALIZED VIEW erp.partner_totals IS 'Refreshed nightly';
COMMENT ON COLUMN erp.partner_totals.total IS 'Sum of all invoices';
CREATE AGGREGATE erp.concat_lines(text) (SFUNC = textcat, STYPE = text, INITCOND = '');
COMMENT ON AGGREGATE erp.concat_lines(text) IS 'Concatenate invoice lines';
CREATE PROCEDURE erp.post_invoice(p_id integer) LANGUAGE sql AS $$ UPDATE erp.invoices SET posted = true WHERE id = p_id $$;
COMMENT ON PROCEDURE erp.post_invoice(integer) IS 'Posts an invoice';
CREATE STATISTICS erp.partners_kind_vat ON kind, vat FROM erp.partners;
COMMENT ON STATISTICS erp.partners_kind_vat IS 'suppliers nearly always have a VAT number';
CREATE COLLATION erp.c_collation FROM "C";
COMMENT ON COLLATION erp.c_collation IS 'byte order';
CREATE PUBLICATION erp_pub FOR TABLE erp.invoices;
COMMENT ON PUBLICATION erp_pub IS 'invoices to the reporting replica';
CREATE FUNCTION erp.ddl_log() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'ddl: %', tg_tag; END $$;
CREATE EVENT TRIGGER erp_ddl_log ON ddl_command_end EXECUTE FUNCTION erp.ddl_log();
ALTER EVENT TRIGGER erp_ddl_log DISABLE;
COMMENT ON EVENT TRIGGER erp_ddl_log IS 'disabled unless debugging migrations';
