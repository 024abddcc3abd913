-- Fixture 01_saas_app, PostgreSQL 15+: UNIQUE NULLS NOT DISTINCT constraint and index,
-- an UNLOGGED sequence, a security_invoker view.
ALTER TABLE billing.customers ADD CONSTRAINT customers_tax_id_key UNIQUE NULLS NOT DISTINCT (tax_id);
CREATE UNIQUE INDEX users_manager_display_nnd ON app.users (manager_id, display_name) NULLS NOT DISTINCT;
CREATE UNLOGGED SEQUENCE app.scratch_ids AS integer START WITH 1 CACHE 100;
COMMENT ON SEQUENCE app.scratch_ids IS 'Unlogged: resets after a crash';
CREATE VIEW app.my_users WITH (security_invoker = true) AS
    SELECT id, account_id, email, display_name FROM app.users;
ALTER VIEW app.my_users OWNER TO flux_owner;
GRANT SELECT ON app.my_users TO flux_reader;
