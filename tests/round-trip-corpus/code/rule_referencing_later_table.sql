-- A rule on an early table whose action writes a table created later and calls a function.
CREATE SCHEMA rlt;
CREATE TABLE rlt.a_source (id int, v text);
CREATE TABLE rlt.z_sink (id int, v text, n int);
CREATE FUNCTION rlt.len(t text) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT length(t)';
CREATE RULE copy_out AS ON INSERT TO rlt.a_source DO ALSO INSERT INTO rlt.z_sink VALUES (NEW.id, NEW.v, rlt.len(NEW.v));
CREATE VIEW rlt.b_view AS SELECT * FROM rlt.z_sink;
CREATE RULE via_view AS ON UPDATE TO rlt.a_source DO ALSO UPDATE rlt.z_sink SET v = NEW.v WHERE id IN (SELECT id FROM rlt.b_view);
