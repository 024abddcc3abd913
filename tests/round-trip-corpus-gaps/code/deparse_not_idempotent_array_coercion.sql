-- pg_dump-inherent: a view passing ARRAY[1, 2] to an anycompatiblearray parameter deparses as (ARRAY[1, 2])::numeric[], which re-parses as ARRAY[1::numeric, 2::numeric].
CREATE SCHEMA dac;
CREATE FUNCTION dac.append(arr anycompatiblearray, x anycompatible) RETURNS anycompatiblearray
  LANGUAGE sql IMMUTABLE AS 'SELECT arr || x';
CREATE VIEW dac.uses AS SELECT dac.append(ARRAY[1, 2], 3.5) AS a;
