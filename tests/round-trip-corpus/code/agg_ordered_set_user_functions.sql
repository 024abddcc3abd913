-- A user-written ordered-set aggregate (trimmed mean WITHIN GROUP) with SQL transition and final functions.
CREATE SCHEMA tm;
CREATE FUNCTION tm.collect(s float8[], x float8) RETURNS float8[] LANGUAGE sql IMMUTABLE AS 'SELECT s || x';
CREATE FUNCTION tm.trimmed(s float8[], frac float8, x float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
  SELECT avg(v) FROM (SELECT v, ntile(100) OVER (ORDER BY v) AS pct FROM unnest(s) v) q
  WHERE pct > frac * 100 AND pct <= 100 - frac * 100
$$;
CREATE AGGREGATE tm.trimmed_mean(float8 ORDER BY float8) (
  SFUNC = tm.collect, STYPE = float8[], INITCOND = '{}', FINALFUNC = tm.trimmed, FINALFUNC_EXTRA);
COMMENT ON AGGREGATE tm.trimmed_mean(float8 ORDER BY float8) IS 'mean after trimming both tails';
REVOKE ALL ON FUNCTION tm.trimmed_mean(float8, float8) FROM PUBLIC;
CREATE TABLE tm.samples (v float8);
CREATE VIEW tm.summary AS SELECT tm.trimmed_mean(0.1) WITHIN GROUP (ORDER BY v) AS tmean FROM tm.samples;
