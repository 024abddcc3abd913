-- Partitions and inheritance children with their own named NOT NULL constraints on inherited columns (18+).
-- min-major: 18
CREATE SCHEMA pnn;
CREATE TABLE pnn.p (id int CONSTRAINT p_id_required NOT NULL, v text) PARTITION BY RANGE (id);
CREATE TABLE pnn.p1 PARTITION OF pnn.p FOR VALUES FROM (0) TO (10);
CREATE TABLE pnn.p2 (id int CONSTRAINT p2_own_nn NOT NULL, v text NOT NULL);
ALTER TABLE pnn.p ATTACH PARTITION pnn.p2 FOR VALUES FROM (10) TO (20);
CREATE TABLE pnn.base (a int NOT NULL, b int);
CREATE TABLE pnn.kid (b int CONSTRAINT kid_b_nn NOT NULL, a int CONSTRAINT kid_a_local NOT NULL) INHERITS (pnn.base);
