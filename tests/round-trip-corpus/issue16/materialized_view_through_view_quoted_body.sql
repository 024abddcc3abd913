-- A materialized view whose query reaches, through a plain view, a function with a quoted body
-- that calls a function created later: pg_depend cannot see through the body, so population
-- must wait until every function, view and table exists.
CREATE SCHEMA app;
CREATE MATERIALIZED VIEW app.zz_mv AS SELECT 1 AS one;
-- z_helper needs zz_mv's row type, so it comes after the materialized views in any order.
CREATE FUNCTION app.z_helper(r app.zz_mv DEFAULT NULL) RETURNS int LANGUAGE sql AS 'SELECT 10';
CREATE FUNCTION app.a_calls_later(i int) RETURNS int LANGUAGE plpgsql AS
  $$BEGIN RETURN app.z_helper() + i; END$$;
CREATE VIEW app.v AS SELECT app.a_calls_later(g) AS x FROM generate_series(1, 3) g;
CREATE MATERIALIZED VIEW app.a_mv AS SELECT x FROM app.v;
CREATE UNIQUE INDEX ON app.a_mv (x);
CREATE MATERIALIZED VIEW app.b_mv_over_mv AS SELECT x * 2 AS y FROM app.a_mv;
CREATE MATERIALIZED VIEW app.c_unpopulated AS SELECT 1 AS one WITH NO DATA;
COMMENT ON MATERIALIZED VIEW app.a_mv IS 'populated last';
