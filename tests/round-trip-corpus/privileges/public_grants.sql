-- A demo database open to everyone: ALL granted to PUBLIC on tables, sequences, functions, types and schemas.
CREATE SCHEMA demo;
GRANT ALL ON SCHEMA demo TO PUBLIC;
CREATE TABLE demo.t (id serial, v text);
GRANT ALL ON demo.t TO PUBLIC;
GRANT ALL ON SEQUENCE demo.t_id_seq TO PUBLIC;
CREATE FUNCTION demo.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
REVOKE ALL ON FUNCTION demo.f() FROM PUBLIC;
GRANT ALL ON FUNCTION demo.f() TO PUBLIC;
CREATE TYPE demo.e AS ENUM ('x');
GRANT ALL ON TYPE demo.e TO PUBLIC;
CREATE TABLE demo.ro (id int);
GRANT SELECT, REFERENCES ON demo.ro TO PUBLIC;
