-- Replica identity settings on a partitioned table and its partitions set independently.
CREATE SCHEMA rip;
CREATE TABLE rip.t (id int NOT NULL, k int NOT NULL, v text) PARTITION BY LIST (k);
CREATE TABLE rip.t1 PARTITION OF rip.t FOR VALUES IN (1);
CREATE TABLE rip.t2 PARTITION OF rip.t FOR VALUES IN (2);
ALTER TABLE rip.t REPLICA IDENTITY FULL;
ALTER TABLE rip.t2 REPLICA IDENTITY NOTHING;
CREATE UNIQUE INDEX t1_id ON rip.t1 (id);
ALTER TABLE rip.t1 REPLICA IDENTITY USING INDEX t1_id;
