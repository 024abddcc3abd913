-- Hypothetical-set aggregates (rank/dense_rank/percent_rank/cume_dist style) over VARIADIC "any".
-- roles: ag_user
CREATE SCHEMA hyp;
CREATE AGGREGATE hyp.my_rank(VARIADIC "any" ORDER BY VARIADIC "any") (
  SFUNC = ordered_set_transition_multi, STYPE = internal, FINALFUNC = rank_final, FINALFUNC_EXTRA, HYPOTHETICAL);
CREATE AGGREGATE hyp.my_dense_rank(VARIADIC "any" ORDER BY VARIADIC "any") (
  SFUNC = ordered_set_transition_multi, STYPE = internal, FINALFUNC = dense_rank_final, FINALFUNC_EXTRA, HYPOTHETICAL);
CREATE AGGREGATE hyp.my_pct_rank(VARIADIC "any" ORDER BY VARIADIC "any") (
  SFUNC = ordered_set_transition_multi, STYPE = internal, FINALFUNC = percent_rank_final, FINALFUNC_EXTRA, HYPOTHETICAL);
CREATE AGGREGATE hyp.my_cume(VARIADIC "any" ORDER BY VARIADIC "any") (
  SFUNC = ordered_set_transition_multi, STYPE = internal, FINALFUNC = cume_dist_final, FINALFUNC_EXTRA, HYPOTHETICAL);
COMMENT ON AGGREGATE hyp.my_dense_rank(VARIADIC "any" ORDER BY VARIADIC "any") IS 'dense';
REVOKE ALL ON FUNCTION hyp.my_cume("any") FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hyp.my_cume("any") TO ag_user;
