-- Fixture 01_saas_app, PostgreSQL 18+: named NOT NULL constraints, NOT NULL ... NOT VALID,
-- NOT ENFORCED check and foreign-key constraints.
CREATE TABLE billing.credit_notes (
    id          bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT credit_notes_pkey PRIMARY KEY,
    invoice_id  bigint CONSTRAINT nn_credit_notes_invoice NOT NULL,
    amount      numeric(12,2) CONSTRAINT nn_credit_notes_amount NOT NULL,
    reason      text,
    CONSTRAINT credit_notes_amount_positive CHECK (amount > 0) NOT ENFORCED,
    CONSTRAINT credit_notes_invoice_fk FOREIGN KEY (invoice_id)
        REFERENCES billing.invoices (id) NOT ENFORCED
);
ALTER TABLE billing.credit_notes ADD CONSTRAINT nn_credit_notes_reason NOT NULL reason NOT VALID;
ALTER TABLE billing.credit_notes OWNER TO "Flux Admin";
COMMENT ON CONSTRAINT nn_credit_notes_invoice ON billing.credit_notes IS 'named NOT NULL (PG18)';
