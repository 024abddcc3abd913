-- Aggregates relying on strict transition functions without INITCOND, across schemas, with owners and several grants.
-- roles: ag_owner, ag_user, ag_other
CREATE SCHEMA lib;
CREATE SCHEMA aggs;
CREATE FUNCTION lib.longer(a text, b text) RETURNS text LANGUAGE sql IMMUTABLE STRICT
  AS 'SELECT CASE WHEN length(b) > length(a) THEN b ELSE a END';
CREATE AGGREGATE aggs.longest(text) (SFUNC = lib.longer, STYPE = text);
ALTER AGGREGATE aggs.longest(text) OWNER TO ag_owner;
GRANT EXECUTE ON FUNCTION aggs.longest(text) TO ag_user, ag_other;
REVOKE EXECUTE ON FUNCTION aggs.longest(text) FROM PUBLIC;
CREATE AGGREGATE aggs.bool_all(boolean) (SFUNC = booland_statefunc, STYPE = boolean, SORTOP = <);
ALTER AGGREGATE aggs.bool_all(boolean) RENAME TO every_true;
CREATE SCHEMA aggs_moved;
ALTER AGGREGATE aggs.every_true(boolean) SET SCHEMA aggs_moved;
