-- roles: agg_user
-- Ordered-set and hypothetical-set aggregates with owners, comments and privileges: GRANT and
-- REVOKE do not take the `ORDER BY` signature form.
CREATE AGGREGATE public.os_last(float8 ORDER BY anyelement) (
  SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = percentile_disc_final,
  FINALFUNC_EXTRA);
COMMENT ON AGGREGATE public.os_last(float8 ORDER BY anyelement) IS 'ordered-set';
REVOKE EXECUTE ON FUNCTION public.os_last(float8, anyelement) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.os_last(float8, anyelement) TO agg_user;
ALTER AGGREGATE public.os_last(float8 ORDER BY anyelement) OWNER TO agg_user;
CREATE AGGREGATE public.my_mode(ORDER BY anyelement) (
  SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = mode_final, FINALFUNC_EXTRA);
REVOKE ALL ON FUNCTION public.my_mode(anyelement) FROM PUBLIC;
CREATE AGGREGATE public.my_rank(VARIADIC "any" ORDER BY VARIADIC "any") (
  SFUNC = ordered_set_transition_multi, STYPE = internal, FINALFUNC = rank_final,
  FINALFUNC_EXTRA, HYPOTHETICAL);
REVOKE ALL ON FUNCTION public.my_rank("any") FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.my_rank("any") TO agg_user;
COMMENT ON AGGREGATE public.my_rank(VARIADIC "any" ORDER BY VARIADIC "any") IS 'hypothetical';
CREATE AGGREGATE public.pct(float8 ORDER BY float8) (
  SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = percentile_cont_float8_final);
GRANT ALL ON FUNCTION public.pct(float8, float8) TO agg_user;
CREATE AGGREGATE public.plain_sum(int) (SFUNC = int4pl, STYPE = int, INITCOND = '0');
REVOKE ALL ON FUNCTION public.plain_sum(int) FROM PUBLIC;
