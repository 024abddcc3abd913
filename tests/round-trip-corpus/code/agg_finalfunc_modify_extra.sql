-- Aggregates with FINALFUNC_EXTRA, FINALFUNC_MODIFY (11+) and multi-argument transition functions.
CREATE SCHEMA fx;
CREATE FUNCTION fx.step2(s numeric[], x numeric, w numeric) RETURNS numeric[] LANGUAGE sql IMMUTABLE
  AS 'SELECT ARRAY[s[1] + x * w, s[2] + w]';
CREATE FUNCTION fx.fin2(s numeric[], x numeric, w numeric) RETURNS numeric LANGUAGE sql IMMUTABLE
  AS 'SELECT CASE WHEN s[2] = 0 THEN NULL ELSE s[1] / s[2] END';
CREATE AGGREGATE fx.weighted_avg(numeric, numeric) (
  SFUNC = fx.step2, STYPE = numeric[], INITCOND = '{0,0}', FINALFUNC = fx.fin2, FINALFUNC_EXTRA,
  FINALFUNC_MODIFY = READ_ONLY);
CREATE FUNCTION fx.fin_plain(s numeric[]) RETURNS numeric LANGUAGE sql AS 'SELECT s[1]';
CREATE AGGREGATE fx.shareable(numeric, numeric) (
  SFUNC = fx.step2, STYPE = numeric[], INITCOND = '{0,0}', FINALFUNC = fx.fin_plain, FINALFUNC_MODIFY = SHAREABLE);
CREATE AGGREGATE fx.rw(numeric, numeric) (
  SFUNC = fx.step2, STYPE = numeric[], INITCOND = '{0,0}', FINALFUNC = fx.fin_plain, FINALFUNC_MODIFY = READ_WRITE);
COMMENT ON AGGREGATE fx.weighted_avg(numeric, numeric) IS 'sum(x*w)/sum(w)';
