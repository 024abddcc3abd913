-- A parallel-capable average with COMBINEFUNC, SERIALFUNC/DESERIALFUNC over internal state (builtins) and PARALLEL SAFE.
CREATE SCHEMA par;
CREATE AGGREGATE par.my_avg(int8) (
  SFUNC = int8_avg_accum, STYPE = internal, SSPACE = 48, FINALFUNC = numeric_poly_avg,
  COMBINEFUNC = int8_avg_combine, SERIALFUNC = int8_avg_serialize, DESERIALFUNC = int8_avg_deserialize,
  PARALLEL = SAFE
);
CREATE AGGREGATE par.my_sum(int4) (SFUNC = int4pl, STYPE = int4, COMBINEFUNC = int4pl, PARALLEL = SAFE);
CREATE AGGREGATE par.restricted_max(int4) (SFUNC = int4larger, STYPE = int4, PARALLEL = RESTRICTED);
CREATE AGGREGATE par.unsafe_min(int4) (SFUNC = int4smaller, STYPE = int4, PARALLEL = UNSAFE);
