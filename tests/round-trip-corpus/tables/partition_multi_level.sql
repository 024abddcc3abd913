-- Orders partitioned by region (LIST), then by date (RANGE), then by id (HASH): three levels.
CREATE SCHEMA ml;
CREATE TABLE ml.orders (id int NOT NULL, region text NOT NULL, placed date NOT NULL, total numeric) PARTITION BY LIST (region);
CREATE TABLE ml.orders_eu PARTITION OF ml.orders FOR VALUES IN ('eu') PARTITION BY RANGE (placed);
CREATE TABLE ml.orders_us PARTITION OF ml.orders FOR VALUES IN ('us') PARTITION BY HASH (id);
CREATE TABLE ml.orders_eu_2024 PARTITION OF ml.orders_eu FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY HASH (id);
CREATE TABLE ml.orders_eu_2024_h0 PARTITION OF ml.orders_eu_2024 FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE ml.orders_eu_2024_h1 PARTITION OF ml.orders_eu_2024 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE ml.orders_eu_default PARTITION OF ml.orders_eu DEFAULT;
CREATE TABLE ml.orders_us_0 PARTITION OF ml.orders_us FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE ml.orders_us_1 PARTITION OF ml.orders_us FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE INDEX orders_placed ON ml.orders (placed);
ALTER TABLE ml.orders ADD CONSTRAINT orders_total_nonneg CHECK (total >= 0);
