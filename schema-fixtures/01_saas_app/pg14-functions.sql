-- Fixture 01_saas_app, PostgreSQL 14+: SQL-standard function bodies (RETURN … and
-- BEGIN ATOMIC … END) over tables, which pg_depend tracks: the tables must exist first, and a
-- table default calling such a function must come after it.
CREATE FUNCTION app.account_slug(account bigint) RETURNS varchar
    LANGUAGE sql STABLE
    RETURN (SELECT a.slug FROM app.accounts a WHERE a.id = account);
CREATE FUNCTION app.double_it(n integer) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN n * 2;
CREATE FUNCTION billing.open_invoice_count() RETURNS bigint
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT count(*) FROM billing.invoices;
END;
CREATE PROCEDURE app.rename_account(account bigint, new_name text)
    LANGUAGE sql
BEGIN ATOMIC
    UPDATE app.accounts SET name = new_name WHERE id = account;
    INSERT INTO app.audit_log (account_id, action) VALUES (account, 'rename');
END;
COMMENT ON PROCEDURE app.rename_account(bigint, text) IS 'SQL-standard body';
REVOKE EXECUTE ON PROCEDURE app.rename_account(bigint, text) FROM PUBLIC;
CREATE TABLE app.quotas (
    account_id  bigint PRIMARY KEY REFERENCES app.accounts (id),
    seats       integer NOT NULL DEFAULT app.double_it(5),
    label       varchar DEFAULT app.account_slug(0)
);
ALTER TABLE app.quotas OWNER TO flux_owner;
