-- Domains over a composite type and over a range type, with checks reaching into them.
CREATE SCHEMA cal;
CREATE TYPE cal.point2 AS (x float8, y float8);
CREATE DOMAIN cal.unit_point AS cal.point2 CHECK ((VALUE).x >= 0 AND (VALUE).x <= 1 AND (VALUE).y >= 0 AND (VALUE).y <= 1);
CREATE DOMAIN cal.nonempty_period AS tstzrange CHECK (NOT isempty(VALUE)) CHECK (lower_inc(VALUE));
CREATE TABLE cal.events (id int, at cal.nonempty_period, pos cal.unit_point);
