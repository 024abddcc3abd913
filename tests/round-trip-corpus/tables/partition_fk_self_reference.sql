-- A partitioned table with a foreign key to itself and one between two partitioned tables (12+).
CREATE SCHEMA pfs;
CREATE TABLE pfs.nodes (id int, tenant int, parent int, PRIMARY KEY (tenant, id)) PARTITION BY HASH (tenant);
CREATE TABLE pfs.nodes_0 PARTITION OF pfs.nodes FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE pfs.nodes_1 PARTITION OF pfs.nodes FOR VALUES WITH (MODULUS 2, REMAINDER 1);
ALTER TABLE pfs.nodes ADD CONSTRAINT nodes_parent FOREIGN KEY (tenant, parent) REFERENCES pfs.nodes (tenant, id);
CREATE TABLE pfs.edges (tenant int, a int, b int) PARTITION BY HASH (tenant);
CREATE TABLE pfs.edges_0 PARTITION OF pfs.edges FOR VALUES WITH (MODULUS 1, REMAINDER 0);
ALTER TABLE pfs.edges ADD FOREIGN KEY (tenant, a) REFERENCES pfs.nodes ON DELETE CASCADE;
ALTER TABLE pfs.edges ADD FOREIGN KEY (tenant, b) REFERENCES pfs.nodes ON DELETE CASCADE;
