-- Partitions carrying their own CHECK constraints, indexes, defaults and NOT NULL beyond the parent's.
CREATE SCHEMA po;
CREATE TABLE po.logs (id bigint NOT NULL, at date NOT NULL, level text, msg text, source text DEFAULT 'app') PARTITION BY RANGE (at);
CREATE TABLE po.logs_2024 PARTITION OF po.logs (
    level DEFAULT 'info',
    msg NOT NULL,
    CONSTRAINT logs_2024_level CHECK (level IN ('debug', 'info', 'warn', 'error'))
) FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE po.logs_2025 PARTITION OF po.logs FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
ALTER TABLE po.logs_2025 ALTER COLUMN source SET DEFAULT 'batch';
ALTER TABLE po.logs_2025 ADD CONSTRAINT logs_2025_msg_len CHECK (length(msg) < 1000);
CREATE INDEX logs_2025_msg ON po.logs_2025 (msg text_pattern_ops);
CREATE UNIQUE INDEX logs_2024_id ON po.logs_2024 (id);
ALTER TABLE po.logs_2024 ADD CONSTRAINT logs_2024_pk PRIMARY KEY USING INDEX logs_2024_id;
