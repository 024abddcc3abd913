-- Triggers with awkward arguments (empty, backslashes, quotes, numbers) and WHEN clauses calling user functions.
CREATE SCHEMA targ;
CREATE TABLE targ.t (id int, body text, "Flag" boolean);
CREATE FUNCTION targ.interesting(b text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$SELECT b LIKE '%!%'$$;
CREATE FUNCTION targ.tf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RAISE NOTICE '%', TG_ARGV; RETURN NEW; END$$;
CREATE TRIGGER t_args BEFORE INSERT ON targ.t FOR EACH ROW
  EXECUTE FUNCTION targ.tf('', 'back\slash', 'it''s', '"dq"', 3.5, 42, 'multi word', E'tab\there');
CREATE TRIGGER t_when BEFORE UPDATE ON targ.t FOR EACH ROW
  WHEN (targ.interesting(NEW.body) AND NEW."Flag" IS DISTINCT FROM OLD."Flag") EXECUTE FUNCTION targ.tf();
CREATE TRIGGER t_when_row AFTER UPDATE ON targ.t FOR EACH ROW
  WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION targ.tf('changed');
