-- A view reading a set-returning function that returns the view's own row type (pg_dump breaks it with a dummy view).
CREATE SCHEMA selfref;
CREATE TABLE selfref.src (id int, name text);
CREATE VIEW selfref.v AS SELECT id, name FROM selfref.src;
CREATE FUNCTION selfref.rows_of_v() RETURNS SETOF selfref.v LANGUAGE sql AS 'SELECT id, name FROM selfref.src';
CREATE OR REPLACE VIEW selfref.v AS SELECT id, name FROM selfref.rows_of_v();
CREATE VIEW selfref.w AS SELECT count(*) AS n FROM selfref.v;
