-- Partitions with their own storage parameters, access to toast settings, and an unlogged-free layout.
CREATE SCHEMA psp;
CREATE TABLE psp.queue (id bigint NOT NULL, state text NOT NULL, body text) PARTITION BY LIST (state);
CREATE TABLE psp.queue_pending PARTITION OF psp.queue FOR VALUES IN ('pending') WITH (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.01);
CREATE TABLE psp.queue_done PARTITION OF psp.queue FOR VALUES IN ('done');
ALTER TABLE psp.queue_done SET (toast.autovacuum_enabled = false, autovacuum_enabled = false);
ALTER TABLE psp.queue_done ALTER COLUMN body SET STORAGE EXTERNAL;
