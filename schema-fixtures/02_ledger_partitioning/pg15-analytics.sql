-- Fixture 02_ledger_partitioning, PostgreSQL 15+: publications with column lists, row
-- filters, FOR TABLES IN SCHEMA, and a schema mixed with tables.
CREATE SCHEMA reporting;
CREATE TABLE reporting.daily_totals (day date PRIMARY KEY, total numeric(14,2) NOT NULL);
CREATE TABLE reporting.snapshots (id bigint PRIMARY KEY, taken_at timestamp with time zone);
CREATE PUBLICATION open_accounts_only FOR TABLE ledger.accounts (id, code, name, closed) WHERE (NOT closed);
CREATE PUBLICATION reporting_all FOR TABLES IN SCHEMA reporting;
CREATE PUBLICATION mixed_pub FOR TABLES IN SCHEMA reporting, TABLE ledger.journals,
    TABLE ledger.account_audit WHERE (action <> 'noop')
    WITH (publish = 'insert');
CREATE PUBLICATION audit_columns FOR TABLE ledger.account_audit (id, account_id, action);
-- A row filter on a partitioned table needs publish_via_partition_root.
CREATE PUBLICATION manual_journals FOR TABLE ledger.journals WHERE (source = 'manual')
    WITH (publish_via_partition_root = true);
COMMENT ON PUBLICATION mixed_pub IS 'A schema and two tables';
