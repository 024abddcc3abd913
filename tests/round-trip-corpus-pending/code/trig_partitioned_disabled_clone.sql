-- A partitioned table's trigger disabled on one partition only, and one disabled on the parent (recurses on 15+, not before).
CREATE SCHEMA pclone;
CREATE TABLE pclone.events (id int, kind text) PARTITION BY LIST (kind);
CREATE TABLE pclone.e_a PARTITION OF pclone.events FOR VALUES IN ('a');
CREATE TABLE pclone.e_b PARTITION OF pclone.events FOR VALUES IN ('b');
CREATE FUNCTION pclone.f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER t BEFORE INSERT ON pclone.events FOR EACH ROW EXECUTE FUNCTION pclone.f();
ALTER TABLE pclone.e_b DISABLE TRIGGER t;
CREATE TRIGGER t2 AFTER INSERT ON pclone.events FOR EACH ROW EXECUTE FUNCTION pclone.f();
ALTER TABLE pclone.events DISABLE TRIGGER t2;
