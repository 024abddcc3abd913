-- A database with no public schema at all: everything lives in an application schema.
-- roles: pv_nopub
DROP SCHEMA public;
CREATE SCHEMA app AUTHORIZATION pv_nopub;
CREATE TABLE app.t (id int);
GRANT SELECT ON app.t TO PUBLIC;
