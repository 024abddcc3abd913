-- Fixture 02_ledger_partitioning, PostgreSQL 14+: extended statistics on expressions
-- (expressions only, and columns mixed with expressions).
CREATE STATISTICS ledger.accounts_lower_code (ndistinct, mcv) ON (lower(code::text)), (upper(name)) FROM ledger.accounts;
CREATE STATISTICS ledger.accounts_parent_expr ON parent_id, (COALESCE(parent_id, 0) + 1) FROM ledger.accounts;
CREATE STATISTICS ledger.journals_day ON (date_trunc('day', posted_at)) FROM ledger.journals;
COMMENT ON STATISTICS ledger.journals_day IS 'Posting day';
