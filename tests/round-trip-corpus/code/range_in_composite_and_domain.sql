-- A user range type used inside a composite, a domain over it, and arrays of it in a function.
CREATE SCHEMA tl;
CREATE TYPE tl.yearrange AS RANGE (SUBTYPE = int2);
CREATE DOMAIN tl.era AS tl.yearrange CHECK (NOT upper_inf(VALUE));
CREATE TYPE tl.period AS (name text, years tl.yearrange, eras tl.era[]);
CREATE FUNCTION tl.overlaps_any(r tl.yearrange, rs tl.yearrange[]) RETURNS boolean LANGUAGE sql IMMUTABLE
  AS 'SELECT EXISTS (SELECT 1 FROM unnest(rs) x WHERE x && r)';
CREATE TABLE tl.history (id int, p tl.period, e tl.era);
