-- Custom aggregates for analytics: product with INITCOND, string concatenation with a final function.
-- roles: ag_owner, ag_user
CREATE SCHEMA stats;
CREATE AGGREGATE stats.product(numeric) (SFUNC = numeric_mul, STYPE = numeric, INITCOND = '1');
CREATE FUNCTION stats.concat_step(acc text, x text) RETURNS text LANGUAGE sql IMMUTABLE
  AS $$SELECT CASE WHEN acc = '' THEN x ELSE acc || ', ' || x END$$;
CREATE FUNCTION stats.concat_final(acc text) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT '[' || acc || ']'$$;
CREATE AGGREGATE stats.list(text) (SFUNC = stats.concat_step, STYPE = text, FINALFUNC = stats.concat_final, INITCOND = '');
COMMENT ON AGGREGATE stats.product(numeric) IS 'multiplies';
ALTER AGGREGATE stats.list(text) OWNER TO ag_owner;
REVOKE ALL ON FUNCTION stats.list(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION stats.list(text) TO ag_user WITH GRANT OPTION;
CREATE VIEW stats.demo AS SELECT stats.product(x::numeric) AS p, stats.list(x::text) AS l FROM generate_series(1, 4) x;
