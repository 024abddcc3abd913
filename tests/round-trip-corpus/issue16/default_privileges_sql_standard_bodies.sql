-- min-major: 14
-- SQL-standard bodies depend on what they name: a loader that creates such a function after
-- the default privileges must still give it the privileges it has live.
CREATE SCHEMA app;
CREATE TABLE app.items (id int, price numeric);
CREATE FUNCTION app.total() RETURNS numeric LANGUAGE sql BEGIN ATOMIC SELECT sum(price) FROM app.items; END;
CREATE FUNCTION app.a_first() RETURNS numeric LANGUAGE sql RETURN app.total() + 1;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO PUBLIC;
CREATE FUNCTION app.b_after() RETURNS numeric LANGUAGE sql RETURN app.total() * 2;
CREATE TABLE app.z_after (id int);
