-- Comments on a partitioned table, its partitions, their columns and a partition's constraint.
CREATE SCHEMA pc;
CREATE TABLE pc.t (id int NOT NULL, k int NOT NULL, CONSTRAINT t_k_pos CHECK (k >= 0)) PARTITION BY RANGE (k);
CREATE TABLE pc.t_low PARTITION OF pc.t FOR VALUES FROM (0) TO (100);
COMMENT ON TABLE pc.t IS 'parent';
COMMENT ON TABLE pc.t_low IS 'low partition';
COMMENT ON COLUMN pc.t_low.k IS 'inherited column with own comment';
COMMENT ON COLUMN pc.t.id IS 'parent column';
COMMENT ON CONSTRAINT t_k_pos ON pc.t_low IS 'cloned check on a partition';
