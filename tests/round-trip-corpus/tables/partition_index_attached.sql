-- A partitioned index built ON ONLY the parent, with each partition's pre-existing index attached.
CREATE SCHEMA pi;
CREATE TABLE pi.sales (id int NOT NULL, region text NOT NULL, amount numeric) PARTITION BY LIST (region);
CREATE TABLE pi.sales_a PARTITION OF pi.sales FOR VALUES IN ('a');
CREATE TABLE pi.sales_b PARTITION OF pi.sales FOR VALUES IN ('b');
CREATE TABLE pi.sales_c PARTITION OF pi.sales FOR VALUES IN ('c');
CREATE INDEX sales_amount ON ONLY pi.sales (amount);
CREATE INDEX sales_a_amount_custom_name ON pi.sales_a (amount);
CREATE INDEX sales_b_amount_idx_x ON pi.sales_b (amount) WITH (fillfactor = 60);
ALTER INDEX pi.sales_amount ATTACH PARTITION pi.sales_a_amount_custom_name;
ALTER INDEX pi.sales_amount ATTACH PARTITION pi.sales_b_amount_idx_x;
CREATE INDEX sales_region_id ON ONLY pi.sales (region, id);
CREATE INDEX sales_c_region_id ON pi.sales_c (region, id);
ALTER INDEX pi.sales_region_id ATTACH PARTITION pi.sales_c_region_id;
CREATE UNIQUE INDEX sales_pk_idx ON pi.sales (id, region);
