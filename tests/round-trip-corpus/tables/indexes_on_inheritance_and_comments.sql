-- Indexes that are clustered, commented, have their statistics target set, and sit on inheritance children.
CREATE SCHEMA ixi;
CREATE TABLE ixi.base (id int, v text);
CREATE TABLE ixi.child (w int) INHERITS (ixi.base);
CREATE INDEX child_v ON ixi.child (v);
CREATE INDEX base_v ON ixi.base (v);
ALTER TABLE ixi.child CLUSTER ON child_v;
COMMENT ON INDEX ixi.child_v IS 'child index';
CREATE INDEX child_expr ON ixi.child ((w + 1));
ALTER INDEX ixi.child_expr ALTER COLUMN 1 SET STATISTICS 200;
ALTER INDEX ixi.child_v SET (fillfactor = 75);
