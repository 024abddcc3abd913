-- A classic audit setup: BEFORE row trigger stamping updated_at, AFTER statement trigger, trigger arguments.
CREATE SCHEMA audit;
CREATE TABLE audit.events (id bigserial PRIMARY KEY, tbl text, op text, at timestamptz DEFAULT now());
CREATE TABLE audit.docs (id int PRIMARY KEY, body text, updated_at timestamptz);
CREATE FUNCTION audit.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE FUNCTION audit.note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO audit.events (tbl, op) VALUES (TG_ARGV[0], TG_OP); RETURN NULL; END $$;
CREATE TRIGGER docs_touch BEFORE INSERT OR UPDATE ON audit.docs FOR EACH ROW EXECUTE FUNCTION audit.touch();
CREATE TRIGGER docs_note AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON audit.docs
  FOR EACH STATEMENT EXECUTE FUNCTION audit.note('docs', 'it''s', '42');
COMMENT ON TRIGGER docs_touch ON audit.docs IS 'keeps updated_at current';
