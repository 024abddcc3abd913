-- Hardening after the fact: functions created before `ALTER DEFAULT PRIVILEGES … REVOKE EXECUTE
-- … FROM PUBLIC` keep PUBLIC execute; those created after do not.
CREATE SCHEMA app;
CREATE FUNCTION app.before_hardening(i int) RETURNS int LANGUAGE sql AS 'SELECT i + 1';
CREATE FUNCTION public.also_before() RETURNS text LANGUAGE sql AS $$SELECT 'x'$$;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
CREATE FUNCTION app.after_hardening(i int) RETURNS int LANGUAGE sql AS 'SELECT i * 2';
CREATE TABLE app.z_items (id int);
-- A body pg_depend sees (SQL-standard, 14+, in its own scenario) and one it does not.
CREATE FUNCTION app.uses_later_table() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM app.z_items';
CREATE FUNCTION app.takes_row(r app.z_items) RETURNS int LANGUAGE sql AS 'SELECT r.id';
CREATE FUNCTION public.plpgsql_after() RETURNS void LANGUAGE plpgsql AS $$BEGIN END$$;
