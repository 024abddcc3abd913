-- Constraint triggers enforcing cross-row invariants at commit: DEFERRABLE INITIALLY DEFERRED/IMMEDIATE, FROM table.
CREATE SCHEMA acctg;
CREATE TABLE acctg.journal (id int PRIMARY KEY);
CREATE TABLE acctg.lines (journal_id int REFERENCES acctg.journal, amount numeric);
CREATE FUNCTION acctg.check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT sum(amount) FROM acctg.lines WHERE journal_id = NEW.journal_id) <> 0 THEN
    RAISE EXCEPTION 'journal % unbalanced', NEW.journal_id;
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER lines_balanced AFTER INSERT OR UPDATE ON acctg.lines
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION acctg.check_balanced();
CREATE CONSTRAINT TRIGGER lines_immediate AFTER DELETE ON acctg.lines
  DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION acctg.check_balanced();
CREATE CONSTRAINT TRIGGER lines_not_deferrable AFTER UPDATE ON acctg.lines
  NOT DEFERRABLE FOR EACH ROW WHEN (NEW.amount <> OLD.amount) EXECUTE FUNCTION acctg.check_balanced();
CREATE CONSTRAINT TRIGGER lines_from AFTER INSERT ON acctg.lines FROM acctg.journal
  DEFERRABLE FOR EACH ROW EXECUTE FUNCTION acctg.check_balanced();
