-- A CHECK on a partitioned parent that an attached partition already had under the same name (merged, local).
CREATE SCHEMA cpm;
CREATE TABLE cpm.t (id int, k int NOT NULL, CONSTRAINT t_k_pos CHECK (k >= 0)) PARTITION BY RANGE (k);
CREATE TABLE cpm.t_a (id int, k int NOT NULL, CONSTRAINT t_k_pos CHECK (k >= 0), CONSTRAINT t_a_extra CHECK (id > 0));
ALTER TABLE cpm.t ATTACH PARTITION cpm.t_a FOR VALUES FROM (0) TO (100);
CREATE TABLE cpm.t_b PARTITION OF cpm.t FOR VALUES FROM (100) TO (200);
