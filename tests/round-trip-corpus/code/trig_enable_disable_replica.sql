-- Triggers in every firing state for logical-replication setups: DISABLE, ENABLE REPLICA, ENABLE ALWAYS.
CREATE SCHEMA repl;
CREATE TABLE repl.items (id int PRIMARY KEY, v text);
CREATE FUNCTION repl.noop() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER t_disabled BEFORE INSERT ON repl.items FOR EACH ROW EXECUTE FUNCTION repl.noop();
CREATE TRIGGER t_replica BEFORE UPDATE ON repl.items FOR EACH ROW EXECUTE FUNCTION repl.noop();
CREATE TRIGGER t_always BEFORE DELETE ON repl.items FOR EACH ROW EXECUTE FUNCTION repl.noop();
CREATE TRIGGER t_origin AFTER INSERT ON repl.items FOR EACH ROW EXECUTE FUNCTION repl.noop();
CREATE CONSTRAINT TRIGGER t_constraint_disabled AFTER INSERT ON repl.items FOR EACH ROW EXECUTE FUNCTION repl.noop();
ALTER TABLE repl.items DISABLE TRIGGER t_disabled;
ALTER TABLE repl.items ENABLE REPLICA TRIGGER t_replica;
ALTER TABLE repl.items ENABLE ALWAYS TRIGGER t_always;
ALTER TABLE repl.items DISABLE TRIGGER t_constraint_disabled;
