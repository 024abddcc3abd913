-- A multi-level partition tree with an index created only on a middle level and a unique one on the leaf.
CREATE SCHEMA pml;
CREATE TABLE pml.t (id int, region text, at date) PARTITION BY LIST (region);
CREATE TABLE pml.t_eu PARTITION OF pml.t FOR VALUES IN ('eu') PARTITION BY RANGE (at);
CREATE TABLE pml.t_eu_2024 PARTITION OF pml.t_eu FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE pml.t_us PARTITION OF pml.t FOR VALUES IN ('us');
CREATE INDEX t_eu_at ON pml.t_eu (at);
CREATE UNIQUE INDEX t_eu_2024_id ON pml.t_eu_2024 (id);
CREATE INDEX t_region ON pml.t (region);
