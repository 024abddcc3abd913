-- Ordered-set aggregates reusing builtin final functions: percentile_disc_final, mode_final, percentile_cont.
-- roles: ag_owner, ag_user
CREATE SCHEMA osa;
CREATE AGGREGATE osa.median_disc(float8 ORDER BY anyelement) (
  SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA);
CREATE AGGREGATE osa.most_common(ORDER BY anyelement) (
  SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = mode_final, FINALFUNC_EXTRA);
CREATE AGGREGATE osa.pcont(float8 ORDER BY interval) (
  SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = percentile_cont_interval_final);
CREATE AGGREGATE osa.pcont_multi(float8[] ORDER BY float8) (
  SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = percentile_cont_float8_multi_final);
COMMENT ON AGGREGATE osa.median_disc(float8 ORDER BY anyelement) IS 'discrete percentile';
ALTER AGGREGATE osa.most_common(ORDER BY anyelement) OWNER TO ag_owner;
REVOKE EXECUTE ON FUNCTION osa.most_common(anyelement) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION osa.most_common(anyelement) TO ag_user;
GRANT EXECUTE ON FUNCTION osa.pcont(double precision, interval) TO ag_user WITH GRANT OPTION;
CREATE TABLE osa.m (v float8, d interval);
CREATE VIEW osa.summary AS SELECT osa.median_disc(0.5) WITHIN GROUP (ORDER BY v) AS med,
  osa.pcont(0.9) WITHIN GROUP (ORDER BY d) AS p90 FROM osa.m;
