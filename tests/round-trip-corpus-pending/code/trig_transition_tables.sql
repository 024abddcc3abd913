-- Statement-level triggers with transition tables (REFERENCING NEW TABLE / OLD TABLE) for bulk change summaries.
CREATE SCHEMA ledger;
CREATE TABLE ledger.entries (id bigint PRIMARY KEY, amount numeric);
CREATE TABLE ledger.batches (at timestamptz DEFAULT now(), n bigint, delta numeric);
CREATE FUNCTION ledger.summarize_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO ledger.batches (n, delta) SELECT count(*), sum(amount) FROM new_rows; RETURN NULL; END $$;
CREATE FUNCTION ledger.summarize_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger.batches (n, delta)
    SELECT count(*), sum(n.amount - o.amount) FROM "New Rows" n JOIN old_rows o USING (id);
  RETURN NULL;
END $$;
CREATE TRIGGER entries_ins AFTER INSERT ON ledger.entries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger.summarize_ins();
CREATE TRIGGER entries_upd AFTER UPDATE ON ledger.entries
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS "New Rows" FOR EACH STATEMENT EXECUTE FUNCTION ledger.summarize_upd();
CREATE TRIGGER entries_del AFTER DELETE ON ledger.entries
  REFERENCING OLD TABLE AS gone FOR EACH ROW EXECUTE FUNCTION ledger.summarize_ins();
