-- A NOT VALID CHECK on an inheritance parent (propagated NOT VALID to children) and on a partitioned parent.
CREATE SCHEMA inv;
CREATE TABLE inv.parent (id int, v int);
CREATE TABLE inv.child (w int) INHERITS (inv.parent);
INSERT INTO inv.child VALUES (1, -1, 0);
ALTER TABLE inv.parent ADD CONSTRAINT parent_v_pos CHECK (v > 0) NOT VALID;
CREATE TABLE inv.pt (id int, v int) PARTITION BY RANGE (id);
CREATE TABLE inv.pt1 PARTITION OF inv.pt FOR VALUES FROM (0) TO (10);
INSERT INTO inv.pt VALUES (1, -1);
ALTER TABLE inv.pt ADD CONSTRAINT pt_v_pos CHECK (v > 0) NOT VALID;
