-- Triggers fired only on relevant changes: UPDATE OF columns and WHEN conditions on OLD/NEW.
CREATE SCHEMA inventory;
CREATE TABLE inventory.stock (sku text PRIMARY KEY, qty int, price numeric, "Note" text);
CREATE TABLE inventory.price_history (sku text, old_price numeric, new_price numeric);
CREATE FUNCTION inventory.log_price() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO inventory.price_history VALUES (NEW.sku, OLD.price, NEW.price); RETURN NEW; END $$;
CREATE TRIGGER price_change AFTER UPDATE OF price ON inventory.stock
  FOR EACH ROW WHEN (OLD.price IS DISTINCT FROM NEW.price) EXECUTE FUNCTION inventory.log_price();
CREATE TRIGGER qty_or_note BEFORE UPDATE OF qty, "Note" ON inventory.stock
  FOR EACH ROW WHEN (NEW.qty < 0 OR NEW."Note" IS NULL) EXECUTE FUNCTION inventory.log_price();
CREATE TRIGGER ins_positive BEFORE INSERT ON inventory.stock
  FOR EACH ROW WHEN (NEW.qty > 0) EXECUTE PROCEDURE inventory.log_price();
