-- A table detached from its partitioned parent after archiving, keeping the cloned constraints and indexes.
CREATE SCHEMA pd;
CREATE TABLE pd.readings (id int NOT NULL, at date NOT NULL, v int CHECK (v > 0)) PARTITION BY RANGE (at);
CREATE INDEX readings_at ON pd.readings (at);
CREATE TABLE pd.readings_2023 PARTITION OF pd.readings FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE pd.readings_2024 PARTITION OF pd.readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE pd.readings DETACH PARTITION pd.readings_2023;
