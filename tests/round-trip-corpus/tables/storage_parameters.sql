-- Tuned tables with fillfactor, autovacuum_* and toast.* storage parameters, set at create and by ALTER.
CREATE SCHEMA tuned;
CREATE TABLE tuned.hot (id int PRIMARY KEY, counter int) WITH (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.01);
CREATE TABLE tuned.blobs (id int, data text) WITH (toast_tuple_target = 4080, toast.autovacuum_vacuum_cost_delay = 5, autovacuum_enabled = off);
CREATE TABLE tuned.cold (id int);
ALTER TABLE tuned.cold SET (autovacuum_freeze_min_age = 1000000, autovacuum_freeze_max_age = 200000000, log_autovacuum_min_duration = 0, parallel_workers = 4);
ALTER TABLE tuned.cold SET (user_catalog_table = false, vacuum_truncate = false);
CREATE TABLE tuned.reset_me (id int) WITH (fillfactor = 90);
ALTER TABLE tuned.reset_me RESET (fillfactor);
ALTER TABLE tuned.blobs SET (toast.autovacuum_enabled = false, toast.vacuum_index_cleanup = off);
CREATE INDEX hot_counter ON tuned.hot (counter) WITH (fillfactor = 50, deduplicate_items = off);
