-- A UNIQUE NULLS NOT DISTINCT constraint on a partitioned table, propagated to its partitions (15+).
-- min-major: 15
CREATE SCHEMA pnd;
CREATE TABLE pnd.codes (region text NOT NULL, code text, CONSTRAINT codes_uq UNIQUE NULLS NOT DISTINCT (region, code)) PARTITION BY LIST (region);
CREATE TABLE pnd.codes_eu PARTITION OF pnd.codes FOR VALUES IN ('eu');
CREATE TABLE pnd.codes_us (region text NOT NULL, code text);
ALTER TABLE pnd.codes ATTACH PARTITION pnd.codes_us FOR VALUES IN ('us');
