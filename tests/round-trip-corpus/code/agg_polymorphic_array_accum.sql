-- Polymorphic aggregates: array_accum over anyelement and anycompatible (13+), and "first"/"last" aggregates.
CREATE SCHEMA acc;
CREATE FUNCTION acc.push(a anyarray, x anyelement) RETURNS anyarray LANGUAGE sql IMMUTABLE AS 'SELECT a || x';
CREATE AGGREGATE acc.array_accum(anyelement) (SFUNC = acc.push, STYPE = anyarray, INITCOND = '{}');
CREATE FUNCTION acc.app(a anycompatiblearray, x anycompatible) RETURNS anycompatiblearray
  LANGUAGE sql IMMUTABLE AS 'SELECT array_append(a, x)';
CREATE AGGREGATE acc.compat_accum(anycompatible) (SFUNC = acc.app, STYPE = anycompatiblearray, INITCOND = '{}');
CREATE FUNCTION acc.first_step(s anyelement, x anyelement) RETURNS anyelement LANGUAGE sql IMMUTABLE STRICT AS 'SELECT s';
CREATE AGGREGATE acc.first(anyelement) (SFUNC = acc.first_step, STYPE = anyelement);
CREATE FUNCTION acc.last_step(s anyelement, x anyelement) RETURNS anyelement LANGUAGE sql IMMUTABLE AS 'SELECT x';
CREATE AGGREGATE acc.last(anyelement) (SFUNC = acc.last_step, STYPE = anyelement, PARALLEL = SAFE);
CREATE TABLE acc.t (g int, v text);
CREATE VIEW acc.grouped AS SELECT g, acc.first(v ORDER BY v) AS f, acc.last(v) AS l, acc.array_accum(v) AS all_v FROM acc.t GROUP BY g;
