-- BEFORE/AFTER statement-level triggers on a view alongside an INSTEAD OF row trigger.
CREATE SCHEMA vtrg;
CREATE TABLE vtrg.base (id int, v text);
CREATE VIEW vtrg.v AS SELECT id, v FROM vtrg.base;
CREATE FUNCTION vtrg.stmt() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RAISE NOTICE '% %', TG_WHEN, TG_OP; RETURN NULL; END$$;
CREATE FUNCTION vtrg.row_ins() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN INSERT INTO vtrg.base VALUES (NEW.id, NEW.v); RETURN NEW; END$$;
CREATE TRIGGER v_before BEFORE INSERT OR UPDATE ON vtrg.v FOR EACH STATEMENT EXECUTE FUNCTION vtrg.stmt();
CREATE TRIGGER v_after AFTER INSERT ON vtrg.v FOR EACH STATEMENT EXECUTE FUNCTION vtrg.stmt();
CREATE TRIGGER v_instead INSTEAD OF INSERT ON vtrg.v FOR EACH ROW EXECUTE FUNCTION vtrg.row_ins();
COMMENT ON TRIGGER v_instead ON vtrg.v IS 'routes inserts';
