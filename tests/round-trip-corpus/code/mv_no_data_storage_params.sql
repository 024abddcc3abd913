-- Materialized views created WITH NO DATA and with storage parameters (fillfactor, autovacuum), one clustered.
-- roles: mv_owner, mv_reader
CREATE SCHEMA cache;
CREATE TABLE cache.src (id int, v text);
CREATE MATERIALIZED VIEW cache.lazy AS SELECT id, v FROM cache.src WITH NO DATA;
CREATE MATERIALIZED VIEW cache.tuned WITH (fillfactor = 70, autovacuum_enabled = false, toast_tuple_target = 256) AS
  SELECT id, length(v) AS len FROM cache.src;
CREATE INDEX tuned_id ON cache.tuned (id) WITH (fillfactor = 50);
ALTER MATERIALIZED VIEW cache.tuned CLUSTER ON tuned_id;
ALTER MATERIALIZED VIEW cache.tuned SET (autovacuum_vacuum_scale_factor = 0.01);
ALTER MATERIALIZED VIEW cache.lazy OWNER TO mv_owner;
GRANT SELECT ON cache.tuned TO mv_reader;
REVOKE ALL ON cache.lazy FROM PUBLIC;
