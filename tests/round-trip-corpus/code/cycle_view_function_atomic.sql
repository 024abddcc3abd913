-- min-major: 14
-- A real pg_depend cycle: a view calls a function whose SQL-standard body (replaced later) reads the view.
CREATE SCHEMA cyc;
CREATE TABLE cyc.t (id int, v int);
CREATE FUNCTION cyc.total() RETURNS bigint LANGUAGE sql STABLE RETURN 0;
CREATE VIEW cyc.v AS SELECT id, v, cyc.total() AS grand FROM cyc.t;
CREATE OR REPLACE FUNCTION cyc.total() RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT sum(v) FROM cyc.v WHERE id > 0;
END;
