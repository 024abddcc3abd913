-- A read-only reporting role added after the first tables: global table defaults cover only tables created later.
-- roles: pv_reader, pv_writer
CREATE SCHEMA app;
CREATE TABLE app.before_a (id int PRIMARY KEY, v text);
CREATE TABLE public.before_b (id int);
CREATE VIEW app.before_v AS SELECT id FROM app.before_a;
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO pv_reader;
ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO pv_writer;
CREATE TABLE app.after_a (id int PRIMARY KEY, v text);
CREATE VIEW app.after_v AS SELECT id FROM app.after_a;
CREATE MATERIALIZED VIEW app.after_mv AS SELECT id FROM app.after_a;
CREATE TABLE public.after_b (id int);
ALTER DEFAULT PRIVILEGES REVOKE DELETE ON TABLES FROM pv_writer;
CREATE TABLE app.after_revoke (id int);
