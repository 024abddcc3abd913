-- Column privileges and statistics targets on a partitioned table and on one of its partitions.
-- roles: tb_analyst
CREATE SCHEMA cpp;
GRANT USAGE ON SCHEMA cpp TO tb_analyst;
CREATE TABLE cpp.t (id int, k int, secret text) PARTITION BY LIST (k);
CREATE TABLE cpp.t1 PARTITION OF cpp.t FOR VALUES IN (1);
GRANT SELECT (id, k) ON cpp.t TO tb_analyst;
GRANT SELECT (secret) ON cpp.t1 TO tb_analyst;
ALTER TABLE cpp.t ALTER COLUMN id SET STATISTICS 300;
ALTER TABLE cpp.t1 ALTER COLUMN k SET STATISTICS 50;
