-- Marker tables with no columns at all, one with only dropped columns, and a partitioned one with a key column only.
CREATE SCHEMA zc;
CREATE TABLE zc.marker ();
CREATE TABLE zc.emptied (a int, b text);
ALTER TABLE zc.emptied DROP COLUMN a;
ALTER TABLE zc.emptied DROP COLUMN b;
CREATE TABLE zc.child_of_empty (x int) INHERITS (zc.marker);
COMMENT ON TABLE zc.marker IS 'no columns';
