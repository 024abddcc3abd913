-- roles: mv_owner
-- A materialized view owned by a role with no SELECT on what its query reads: live, it was
-- filled by its creator; a refresh runs as the owner, so a load fills it before handing it over.
CREATE SCHEMA app;
CREATE VIEW app.v1 AS SELECT 1 AS one;
CREATE MATERIALIZED VIEW app.mv AS SELECT one FROM app.v1;
ALTER MATERIALIZED VIEW app.mv OWNER TO mv_owner;
GRANT SELECT ON app.mv TO PUBLIC;
