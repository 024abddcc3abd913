-- ON DELETE SET NULL (column list) foreign keys declared on a partitioned table (15+).
-- min-major: 15
CREATE SCHEMA fsp;
CREATE TABLE fsp.users (tenant int, id int, PRIMARY KEY (tenant, id));
CREATE TABLE fsp.docs (tenant int NOT NULL, id int, owner int,
    CONSTRAINT docs_owner FOREIGN KEY (tenant, owner) REFERENCES fsp.users ON DELETE SET NULL (owner)) PARTITION BY HASH (tenant);
CREATE TABLE fsp.docs_0 PARTITION OF fsp.docs FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE fsp.docs_1 PARTITION OF fsp.docs FOR VALUES WITH (MODULUS 2, REMAINDER 1);
