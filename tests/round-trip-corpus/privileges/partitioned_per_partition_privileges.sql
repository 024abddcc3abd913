-- A partitioned events table: grants on the parent, different grants per partition, a partition owned by another role.
-- roles: pv_part_app, pv_part_archiver, pv_part_owner
CREATE SCHEMA ev;
CREATE TABLE ev.events (id bigint, at date NOT NULL, payload text) PARTITION BY RANGE (at);
CREATE TABLE ev.events_2023 PARTITION OF ev.events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE ev.events_2024 PARTITION OF ev.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE ev.events_default PARTITION OF ev.events DEFAULT;
GRANT SELECT, INSERT ON ev.events TO pv_part_app;
GRANT SELECT ON ev.events_2023 TO pv_part_archiver;
GRANT DELETE ON ev.events_2023 TO pv_part_archiver WITH GRANT OPTION;
REVOKE ALL ON ev.events_2024 FROM CURRENT_USER;
GRANT SELECT ON ev.events_2024 TO CURRENT_USER;
ALTER TABLE ev.events_default OWNER TO pv_part_owner;
GRANT SELECT (id, at) ON ev.events_default TO pv_part_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA ev GRANT SELECT ON TABLES TO pv_part_archiver;
CREATE TABLE ev.events_2025 PARTITION OF ev.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE ev.events_2026 (LIKE ev.events);
ALTER TABLE ev.events ATTACH PARTITION ev.events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
