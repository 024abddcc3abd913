-- A table whose column default and check constraint call functions that take the table's own row type.
CREATE SCHEMA tdef;
CREATE TABLE tdef.items (id int, name text, code text);
CREATE FUNCTION tdef.make_code(r tdef.items) RETURNS text LANGUAGE sql AS $$SELECT coalesce(r.name, 'x')$$;
CREATE FUNCTION tdef.default_code() RETURNS text LANGUAGE sql AS 'SELECT tdef.make_code(NULL::tdef.items)';
ALTER TABLE tdef.items ALTER COLUMN code SET DEFAULT tdef.default_code();
CREATE FUNCTION tdef.valid(r tdef.items) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT r.id IS NOT NULL';
ALTER TABLE tdef.items ADD CONSTRAINT items_valid CHECK (tdef.valid(items));
