-- Partitions created as standalone tables (different column order, dropped columns) and attached afterwards.
CREATE SCHEMA pa;
CREATE TABLE pa.measurements (sensor int NOT NULL, at date NOT NULL, value numeric) PARTITION BY RANGE (at);
CREATE TABLE pa.m_2023 (value numeric, junk int, at date NOT NULL, sensor int NOT NULL);
ALTER TABLE pa.m_2023 DROP COLUMN junk;
ALTER TABLE pa.m_2023 ADD CONSTRAINT m_2023_bounds CHECK (at >= '2023-01-01' AND at < '2024-01-01');
ALTER TABLE pa.measurements ATTACH PARTITION pa.m_2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE pa.m_2024 (LIKE pa.measurements INCLUDING ALL);
ALTER TABLE pa.measurements ATTACH PARTITION pa.m_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE pa.m_default (sensor int NOT NULL, at date NOT NULL, value numeric, extra text DEFAULT 'x');
ALTER TABLE pa.m_default DROP COLUMN extra;
ALTER TABLE pa.measurements ATTACH PARTITION pa.m_default DEFAULT;
