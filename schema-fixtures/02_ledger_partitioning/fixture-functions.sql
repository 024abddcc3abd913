-- Fixture 02_ledger_partitioning, functions and triggers: row and statement triggers on a
-- partitioned (and sub-partitioned) table, emitted once on the parent while the partitions
-- hold clones; a clone whose enabled state differs from its parent's; a partition's own
-- trigger; a function used by a CHECK on a partitioned table and by a partition key-free index.
SET check_function_bodies = false;
CREATE FUNCTION ledger.valid_memo(memo text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT memo IS NULL OR length(memo) <= 200 $$;
ALTER TABLE ledger.entries ADD CONSTRAINT entries_memo_valid CHECK (ledger.valid_memo(memo));
CREATE FUNCTION ledger.entry_guard() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN IF NEW.amount IS NULL THEN RAISE EXCEPTION 'no amount'; END IF; RETURN NEW; END $$;
CREATE FUNCTION ledger.entry_log() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RETURN NULL; END $$;
ALTER FUNCTION ledger.entry_log() OWNER TO flux_owner;
CREATE TRIGGER entries_guard BEFORE INSERT OR UPDATE OF amount ON ledger.entries
    FOR EACH ROW EXECUTE FUNCTION ledger.entry_guard();
CREATE TRIGGER entries_log AFTER INSERT ON ledger.entries
    FOR EACH ROW EXECUTE FUNCTION ledger.entry_log();
CREATE TRIGGER entries_stmt AFTER DELETE ON ledger.entries
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.entry_log();
ALTER TABLE ONLY ledger.entries_2023 DISABLE TRIGGER entries_log;
ALTER TABLE ONLY ledger.entries_2025_h1 ENABLE ALWAYS TRIGGER entries_log;
CREATE TRIGGER archive_only AFTER UPDATE ON ledger.entries_archive
    FOR EACH ROW EXECUTE FUNCTION ledger.entry_log();
COMMENT ON TRIGGER entries_guard ON ledger.entries IS 'Amounts are required';
RESET check_function_bodies;
