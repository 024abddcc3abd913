-- Fixture 02_ledger_partitioning, PostgreSQL 17+: identity column on a partitioned table
-- (partitions share the parent's identity sequence since PG17).
CREATE TABLE ledger.audit_trail (
    id        bigint GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME ledger.audit_trail_ids START WITH 500),
    happened  date NOT NULL,
    what      text NOT NULL,
    PRIMARY KEY (id, happened)
) PARTITION BY RANGE (happened);
CREATE TABLE ledger.audit_trail_2025 PARTITION OF ledger.audit_trail
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE ledger.audit_trail_default PARTITION OF ledger.audit_trail DEFAULT;
