-- Fixture 01_saas_app, PostgreSQL 14+: per-column compression (SET COMPRESSION and the
-- COMPRESSION clause of CREATE TABLE).
ALTER TABLE app.audit_log ALTER COLUMN payload SET COMPRESSION pglz;
ALTER TABLE billing.invoices ALTER COLUMN notes SET COMPRESSION pglz;
CREATE TABLE app.attachments (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id   uuid NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
    filename  text NOT NULL,
    body      bytea COMPRESSION pglz
);
ALTER TABLE app.attachments OWNER TO flux_owner;
