-- An aggregate whose state is a user composite type (running min/max/count) with a final function returning text.
CREATE SCHEMA cs;
CREATE TYPE cs.mmc AS (mn numeric, mx numeric, n bigint);
CREATE FUNCTION cs.step(s cs.mmc, x numeric) RETURNS cs.mmc LANGUAGE sql IMMUTABLE
  AS 'SELECT ROW(least(s.mn, x), greatest(s.mx, x), coalesce(s.n, 0) + 1)::cs.mmc';
CREATE FUNCTION cs.combine(a cs.mmc, b cs.mmc) RETURNS cs.mmc LANGUAGE sql IMMUTABLE
  AS 'SELECT ROW(least(a.mn, b.mn), greatest(a.mx, b.mx), coalesce(a.n, 0) + coalesce(b.n, 0))::cs.mmc';
CREATE FUNCTION cs.fin(s cs.mmc) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT s.mn || '..' || s.mx || ' (' || s.n || ')'$$;
CREATE AGGREGATE cs.span(numeric) (SFUNC = cs.step, STYPE = cs.mmc, FINALFUNC = cs.fin, COMBINEFUNC = cs.combine,
  INITCOND = '(,,0)', PARALLEL = SAFE);
CREATE AGGREGATE cs.span_state(numeric) (SFUNC = cs.step, STYPE = cs.mmc, INITCOND = '(,,0)');
