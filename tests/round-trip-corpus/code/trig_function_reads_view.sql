-- A trigger function that reads a view created after the trigger, and a trigger on the table the view selects from.
CREATE SCHEMA tv;
CREATE TABLE tv.limits (k text PRIMARY KEY, max_qty int);
CREATE TABLE tv.orders (id int, k text, qty int);
CREATE FUNCTION tv.enforce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.qty > (SELECT max_qty FROM tv.effective_limits WHERE k = NEW.k) THEN RAISE EXCEPTION 'too many'; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER orders_enforce BEFORE INSERT ON tv.orders FOR EACH ROW EXECUTE FUNCTION tv.enforce();
CREATE VIEW tv.effective_limits AS SELECT k, coalesce(max_qty, 100) AS max_qty FROM tv.limits;
CREATE TRIGGER limits_touch AFTER UPDATE ON tv.limits FOR EACH STATEMENT EXECUTE FUNCTION tv.enforce();
