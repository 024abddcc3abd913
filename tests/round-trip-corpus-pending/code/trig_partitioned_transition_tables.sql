-- A partitioned table with an AFTER statement trigger using transition tables and a plain row trigger on the parent.
CREATE SCHEMA ptt;
CREATE TABLE ptt.sales (id int, region text, amount numeric) PARTITION BY LIST (region);
CREATE TABLE ptt.sales_eu PARTITION OF ptt.sales FOR VALUES IN ('eu');
CREATE TABLE ptt.sales_us PARTITION OF ptt.sales FOR VALUES IN ('us');
CREATE TABLE ptt.totals (n bigint, s numeric);
CREATE FUNCTION ptt.sum_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO ptt.totals SELECT count(*), sum(amount) FROM newtab; RETURN NULL; END $$;
CREATE TRIGGER sales_batch AFTER INSERT ON ptt.sales REFERENCING NEW TABLE AS newtab
  FOR EACH STATEMENT EXECUTE FUNCTION ptt.sum_new();
CREATE TRIGGER sales_upd AFTER UPDATE ON ptt.sales REFERENCING OLD TABLE AS oldtab NEW TABLE AS newtab
  FOR EACH STATEMENT EXECUTE FUNCTION ptt.sum_new();
CREATE TRIGGER sales_rows AFTER INSERT ON ptt.sales FOR EACH ROW EXECUTE FUNCTION ptt.sum_new();
