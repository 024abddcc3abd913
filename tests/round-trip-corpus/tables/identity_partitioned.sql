-- An identity column on a partitioned table shared by its partitions (17+).
-- min-major: 17
CREATE SCHEMA metrics;
CREATE TABLE metrics.points (
    id bigint GENERATED ALWAYS AS IDENTITY (START 1000),
    at date NOT NULL,
    value double precision
) PARTITION BY RANGE (at);
CREATE TABLE metrics.points_2024 PARTITION OF metrics.points FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE metrics.points_2025 (id bigint NOT NULL, at date NOT NULL, value double precision);
ALTER TABLE metrics.points ATTACH PARTITION metrics.points_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
