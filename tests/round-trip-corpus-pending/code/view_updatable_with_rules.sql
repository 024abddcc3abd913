-- A non-auto-updatable view made writable with DO INSTEAD rules (insert/update/delete), the pre-trigger idiom.
CREATE SCHEMA legacy;
CREATE TABLE legacy.people (id int PRIMARY KEY, first text, last text);
CREATE VIEW legacy.names AS SELECT id, first || ' ' || last AS full_name FROM legacy.people;
CREATE RULE names_ins AS ON INSERT TO legacy.names DO INSTEAD
  INSERT INTO legacy.people VALUES (NEW.id, split_part(NEW.full_name, ' ', 1), split_part(NEW.full_name, ' ', 2));
CREATE RULE names_upd AS ON UPDATE TO legacy.names DO INSTEAD
  UPDATE legacy.people SET first = split_part(NEW.full_name, ' ', 1), last = split_part(NEW.full_name, ' ', 2)
  WHERE id = OLD.id;
CREATE RULE names_del AS ON DELETE TO legacy.names DO INSTEAD DELETE FROM legacy.people WHERE id = OLD.id;
COMMENT ON RULE names_ins ON legacy.names IS 'splits the name';
