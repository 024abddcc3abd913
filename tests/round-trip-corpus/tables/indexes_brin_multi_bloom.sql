-- BRIN indexes with the minmax_multi and bloom operator classes and their parameters (14+).
-- min-major: 14
CREATE SCHEMA ixb;
CREATE TABLE ixb.log (at timestamptz, id bigint, host text);
CREATE INDEX log_at_multi ON ixb.log USING brin (at timestamptz_minmax_multi_ops (values_per_range = 16));
CREATE INDEX log_host_bloom ON ixb.log USING brin (host text_bloom_ops (n_distinct_per_range = 100, false_positive_rate = 0.05));
CREATE INDEX log_mixed ON ixb.log USING brin (id int8_minmax_multi_ops, at) WITH (pages_per_range = 64);
