-- A partitioned table with only a DEFAULT partition, and a partitioned table with no partitions yet.
CREATE SCHEMA dp;
CREATE TABLE dp.inbox (id int, received date) PARTITION BY RANGE (received);
CREATE TABLE dp.inbox_all PARTITION OF dp.inbox DEFAULT;
CREATE TABLE dp.empty_parent (id int, tag text) PARTITION BY LIST (tag);
CREATE TABLE dp.hashed_default_sub (id int, k int) PARTITION BY LIST (k);
CREATE TABLE dp.hashed_default_sub_d PARTITION OF dp.hashed_default_sub DEFAULT PARTITION BY HASH (id);
CREATE TABLE dp.hashed_default_sub_d0 PARTITION OF dp.hashed_default_sub_d FOR VALUES WITH (MODULUS 1, REMAINDER 0);
