-- A measurement composite whose attributes carry typmods, domains, ranges, multidimensional arrays and a composite.
CREATE SCHEMA meas;
CREATE DOMAIN meas.unit AS varchar(8) CHECK (VALUE <> '');
CREATE TYPE meas.sensor AS (id int, label varchar(20));
CREATE TYPE meas.reading AS (
  value numeric(10, 3),
  unit meas.unit,
  at timestamp(3) with time zone,
  valid tstzrange,
  matrix float8[][],
  bits bit varying(16),
  flag char(1),
  src meas.sensor,
  dur interval hour to minute
);
CREATE TABLE meas.log (id int, r meas.reading, rs meas.reading[]);
CREATE VIEW meas.values AS SELECT id, (r).value, ((r).src).label FROM meas.log;
