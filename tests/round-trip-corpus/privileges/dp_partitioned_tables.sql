-- Defaults in force when a partitioned table with a serial column and its partitions are created; a partition attached from before.
-- roles: pv_dpp_app
CREATE SCHEMA p;
CREATE TABLE p.old_part (id int NOT NULL, at date NOT NULL);
ALTER DEFAULT PRIVILEGES IN SCHEMA p GRANT SELECT, INSERT ON TABLES TO pv_dpp_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA p GRANT USAGE ON SEQUENCES TO pv_dpp_app;
CREATE TABLE p.log (id serial, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE p.log_2024 PARTITION OF p.log FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE p.log ATTACH PARTITION p.old_part FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
REVOKE INSERT ON p.log_2024 FROM pv_dpp_app;
