-- Imitates an analytics extension-free toolkit (as found in many data teams' "util" schemas): custom aggregates with final functions, combine functions and PARALLEL SAFE, a moving-aggregate (MSFUNC/MINVFUNC) sum, an aggregate over a composite state, and views using them with FILTER/window frames.
CREATE SCHEMA util;
CREATE TYPE util.avg_state AS (n bigint, total numeric);
CREATE FUNCTION util.avg_accum(s util.avg_state, v numeric) RETURNS util.avg_state LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ROW(coalesce(s.n, 0) + CASE WHEN v IS NULL THEN 0 ELSE 1 END, coalesce(s.total, 0) + coalesce(v, 0))::util.avg_state
$$;
CREATE FUNCTION util.avg_combine(a util.avg_state, b util.avg_state) RETURNS util.avg_state LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ROW(coalesce(a.n, 0) + coalesce(b.n, 0), coalesce(a.total, 0) + coalesce(b.total, 0))::util.avg_state
$$;
CREATE FUNCTION util.avg_final(s util.avg_state) RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN s.n > 0 THEN s.total / s.n END
$$;
CREATE AGGREGATE util.safe_avg(numeric) (
  SFUNC = util.avg_accum, STYPE = util.avg_state, FINALFUNC = util.avg_final, COMBINEFUNC = util.avg_combine,
  INITCOND = '(0,0)', PARALLEL = SAFE
);
CREATE FUNCTION util.int_add(bigint, integer) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT AS 'SELECT $1 + $2';
CREATE FUNCTION util.int_sub(bigint, integer) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT AS 'SELECT $1 - $2';
CREATE AGGREGATE util.moving_sum(integer) (
  SFUNC = util.int_add, STYPE = bigint, INITCOND = '0',
  MSFUNC = util.int_add, MINVFUNC = util.int_sub, MSTYPE = bigint, MINITCOND = '0'
);
CREATE FUNCTION util.array_cat_agg_sfunc(anycompatiblearray, anycompatiblearray) RETURNS anycompatiblearray LANGUAGE sql IMMUTABLE AS 'SELECT array_cat($1, $2)';
CREATE AGGREGATE util.array_cat_agg(anycompatiblearray) (SFUNC = util.array_cat_agg_sfunc, STYPE = anycompatiblearray);
CREATE FUNCTION util.first_sfunc(anyelement, anyelement) RETURNS anyelement LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT $1';
CREATE AGGREGATE util.first(anyelement) (SFUNC = util.first_sfunc, STYPE = anyelement, PARALLEL = SAFE);
CREATE TABLE public.page_loads (day date NOT NULL, page text NOT NULL, ms integer NOT NULL, tags text[]);
CREATE VIEW public.page_stats AS
  SELECT page,
         util.safe_avg(ms) AS avg_ms,
         util.safe_avg(ms) FILTER (WHERE ms < 10000) AS avg_ms_no_outliers,
         util.first(day ORDER BY day) AS first_seen,
         util.array_cat_agg(tags) AS all_tags
  FROM public.page_loads GROUP BY page;
CREATE VIEW public.page_rolling AS
  SELECT day, page, util.moving_sum(ms) OVER (PARTITION BY page ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS ms_7d
  FROM public.page_loads;
COMMENT ON AGGREGATE util.safe_avg(numeric) IS 'avg that ignores NULLs and returns NULL on empty input';
