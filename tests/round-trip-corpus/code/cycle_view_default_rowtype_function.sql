-- A view whose column default calls a function taking the view's row type.
CREATE SCHEMA vdef;
CREATE TABLE vdef.t (id int, label text);
CREATE VIEW vdef.v AS SELECT id, label FROM vdef.t;
CREATE FUNCTION vdef.describe(r vdef.v) RETURNS text LANGUAGE sql AS $$SELECT r.id || ':' || r.label$$;
CREATE FUNCTION vdef.next_label() RETURNS text LANGUAGE sql AS $$SELECT vdef.describe(NULL::vdef.v)$$;
ALTER VIEW vdef.v ALTER COLUMN label SET DEFAULT vdef.next_label();
