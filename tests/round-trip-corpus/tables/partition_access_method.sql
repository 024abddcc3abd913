-- A partitioned table with an explicit table access method (17+), inherited by partitions created later.
-- min-major: 17
CREATE SCHEMA pam;
CREATE TABLE pam.t (id int, k int) PARTITION BY RANGE (k) USING heap;
CREATE TABLE pam.t1 PARTITION OF pam.t FOR VALUES FROM (0) TO (10);
CREATE TABLE pam.u (id int, k int) PARTITION BY LIST (k);
ALTER TABLE pam.u SET ACCESS METHOD heap;
CREATE TABLE pam.u1 PARTITION OF pam.u FOR VALUES IN (1);
