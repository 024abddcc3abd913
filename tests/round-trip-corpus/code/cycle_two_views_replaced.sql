-- Two views that reference each other through functions with quoted bodies (no pg_depend edge from bodies).
CREATE SCHEMA twov;
CREATE TABLE twov.t (id int);
SET check_function_bodies = off;
CREATE FUNCTION twov.count_b() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT count(*) FROM twov.b';
CREATE FUNCTION twov.count_a() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT count(*) FROM twov.a';
RESET check_function_bodies;
CREATE VIEW twov.a AS SELECT id, twov.count_b() AS nb FROM twov.t;
CREATE VIEW twov.b AS SELECT id FROM twov.t WHERE id > 0;
CREATE VIEW twov.c AS SELECT twov.count_a() + twov.count_b() AS n;
