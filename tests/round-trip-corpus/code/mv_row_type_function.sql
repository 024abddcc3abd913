-- Functions taking and returning a materialized view's row type, and a view over a matview with a function.
CREATE SCHEMA mrt;
CREATE MATERIALIZED VIEW mrt.totals AS SELECT 'a'::text AS k, 1::numeric AS total;
CREATE FUNCTION mrt.fmt(r mrt.totals) RETURNS text LANGUAGE sql AS $$SELECT r.k || '=' || r.total$$;
CREATE FUNCTION mrt.all_totals() RETURNS SETOF mrt.totals LANGUAGE sql AS 'SELECT * FROM mrt.totals';
CREATE VIEW mrt.pretty AS SELECT mrt.fmt(t) AS line FROM mrt.totals t;
CREATE MATERIALIZED VIEW mrt.pretty_mv AS SELECT * FROM mrt.pretty;
