-- Fixture 02_ledger_partitioning, PostgreSQL 18+: named NOT NULL constraints on a
-- partitioned table (inherited by partitions) and a NOT ENFORCED CHECK.
CREATE TABLE ledger.budget_lines (
    account_id   integer CONSTRAINT nn_budget_account NOT NULL,
    fiscal_year  smallint CONSTRAINT nn_budget_year NOT NULL,
    budget       numeric(18,4) CONSTRAINT nn_budget_amount NOT NULL,
    CONSTRAINT budget_lines_reasonable CHECK (budget < 1000000000) NOT ENFORCED
) PARTITION BY LIST (fiscal_year);
CREATE TABLE ledger.budget_lines_2025 PARTITION OF ledger.budget_lines FOR VALUES IN (2025);
CREATE TABLE ledger.budget_lines_2026 PARTITION OF ledger.budget_lines FOR VALUES IN (2026);
