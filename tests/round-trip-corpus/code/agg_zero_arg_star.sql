-- A zero-argument aggregate called as agg(*), like count(*), with grants and a comment.
-- roles: ag_user
CREATE SCHEMA cnt;
CREATE FUNCTION cnt.inc(n int8) RETURNS int8 LANGUAGE sql IMMUTABLE STRICT AS 'SELECT n + 1';
CREATE AGGREGATE cnt.rows(*) (SFUNC = cnt.inc, STYPE = int8, INITCOND = '0');
COMMENT ON AGGREGATE cnt.rows(*) IS 'counts rows';
REVOKE ALL ON FUNCTION cnt.rows() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cnt.rows() TO ag_user;
CREATE TABLE cnt.t (x int);
CREATE VIEW cnt.v AS SELECT cnt.rows(*) AS n FROM cnt.t;
