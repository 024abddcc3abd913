-- Children overriding inherited defaults and NOT NULL, and a child column that is both local and inherited.
CREATE SCHEMA ido;
CREATE TABLE ido.base (id int, status text DEFAULT 'new', amount numeric DEFAULT 0, note text);
CREATE TABLE ido.child (status text DEFAULT 'draft', note text NOT NULL, extra int) INHERITS (ido.base);
ALTER TABLE ido.child ALTER COLUMN amount SET DEFAULT 1;
CREATE TABLE ido.grandchild () INHERITS (ido.child);
ALTER TABLE ido.grandchild ALTER COLUMN status DROP DEFAULT;
ALTER TABLE ido.base ADD COLUMN added int DEFAULT 7;
