-- Fixture 02_ledger_partitioning, analytics: extended statistics (ndistinct, dependencies,
-- mcv, all kinds, a statistics target, owner, comment) on plain and partitioned tables;
-- rules (DO ALSO into an audit table, DO INSTEAD NOTHING with a condition, a disabled rule,
-- ENABLE REPLICA / ALWAYS, comments, rules on a view); publications FOR TABLE (several
-- tables, a partitioned table with publish_via_partition_root, publish options, owner,
-- comment) and the fixtures' only FOR ALL TABLES publication.
CREATE STATISTICS ledger.accounts_code_name (ndistinct, dependencies) ON code, name FROM ledger.accounts;
COMMENT ON STATISTICS ledger.accounts_code_name IS 'code determines name';
CREATE STATISTICS ledger.accounts_all ON parent_id, normal, currency FROM ledger.accounts;
ALTER STATISTICS ledger.accounts_all SET STATISTICS 400;
ALTER STATISTICS ledger.accounts_all OWNER TO flux_owner;
CREATE STATISTICS ledger.journals_mcv (mcv) ON source, description FROM ledger.journals;

CREATE TABLE ledger.account_audit (
    id         bigserial PRIMARY KEY,
    account_id integer NOT NULL,
    action     text NOT NULL,
    at         timestamp with time zone NOT NULL DEFAULT now()
);
CREATE RULE accounts_audit_insert AS ON INSERT TO ledger.accounts
    DO ALSO INSERT INTO ledger.account_audit (account_id, action) VALUES (new.id, 'insert');
COMMENT ON RULE accounts_audit_insert ON ledger.accounts IS 'Every new account is audited';
CREATE RULE accounts_keep_closed AS ON DELETE TO ledger.accounts WHERE old.closed
    DO INSTEAD NOTHING;
CREATE RULE accounts_audit_update AS ON UPDATE TO ledger.accounts
    DO ALSO INSERT INTO ledger.account_audit (account_id, action) VALUES (new.id, 'update');
ALTER TABLE ledger.accounts DISABLE RULE accounts_audit_update;
CREATE RULE audit_append_only AS ON UPDATE TO ledger.account_audit DO INSTEAD NOTHING;
ALTER TABLE ledger.account_audit ENABLE ALWAYS RULE audit_append_only;
CREATE RULE audit_no_delete AS ON DELETE TO ledger.account_audit DO INSTEAD NOTHING;
ALTER TABLE ledger.account_audit ENABLE REPLICA RULE audit_no_delete;

CREATE VIEW ledger.open_accounts AS
    SELECT id, code, name FROM ledger.accounts WHERE NOT closed;
CREATE RULE open_accounts_close AS ON DELETE TO ledger.open_accounts
    DO INSTEAD UPDATE ledger.accounts SET closed = true WHERE id = old.id;
COMMENT ON RULE open_accounts_close ON ledger.open_accounts IS 'Deleting closes the account';

CREATE PUBLICATION ledger_core FOR TABLE ledger.accounts, ledger.journals, ledger.account_audit;
COMMENT ON PUBLICATION ledger_core IS 'Core ledger tables for replicas';
CREATE PUBLICATION ledger_entries FOR TABLE ledger.entries
    WITH (publish = 'insert, update', publish_via_partition_root = true);
CREATE PUBLICATION "Everything" FOR ALL TABLES WITH (publish = 'insert, update, delete, truncate');
CREATE PUBLICATION inserts_only WITH (publish = 'insert');
ALTER PUBLICATION inserts_only OWNER TO flux_owner;
