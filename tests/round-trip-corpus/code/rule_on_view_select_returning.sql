-- Rules on a view with RETURNING so INSERT .. RETURNING works, and a rule routing to another table.
CREATE SCHEMA rr;
CREATE TABLE rr.msgs (id serial PRIMARY KEY, body text, archived boolean DEFAULT false);
CREATE TABLE rr.archive (id int, body text);
CREATE VIEW rr.inbox AS SELECT id, body FROM rr.msgs WHERE NOT archived;
CREATE RULE inbox_ins AS ON INSERT TO rr.inbox DO INSTEAD
  INSERT INTO rr.msgs (body) VALUES (NEW.body) RETURNING id, body;
CREATE RULE inbox_del AS ON DELETE TO rr.inbox DO INSTEAD (
  INSERT INTO rr.archive SELECT id, body FROM rr.msgs WHERE id = OLD.id;
  UPDATE rr.msgs SET archived = true WHERE id = OLD.id
);
CREATE RULE "Quoted Rule" AS ON UPDATE TO rr.inbox DO INSTEAD UPDATE rr.msgs SET body = NEW.body WHERE id = OLD.id;
