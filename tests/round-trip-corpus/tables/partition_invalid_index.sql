-- A partitioned index left invalid because only some partitions have an attached index.
CREATE SCHEMA pinv;
CREATE TABLE pinv.t (id int, k int) PARTITION BY RANGE (k);
CREATE TABLE pinv.t1 PARTITION OF pinv.t FOR VALUES FROM (0) TO (10);
CREATE TABLE pinv.t2 PARTITION OF pinv.t FOR VALUES FROM (10) TO (20);
CREATE INDEX t_id ON ONLY pinv.t (id);
CREATE INDEX t1_id ON pinv.t1 (id);
ALTER INDEX pinv.t_id ATTACH PARTITION pinv.t1_id;
