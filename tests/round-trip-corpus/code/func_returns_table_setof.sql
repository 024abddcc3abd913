-- Set-returning API functions: RETURNS TABLE, RETURNS SETOF a table's row type, SETOF a view's row type.
CREATE SCHEMA api;
CREATE TABLE api.users (id int PRIMARY KEY, name text, active boolean DEFAULT true);
CREATE VIEW api.active_users AS SELECT id, name FROM api.users WHERE active;
CREATE FUNCTION api.search(q text) RETURNS TABLE (id int, name text, rank real)
  LANGUAGE sql STABLE AS $$SELECT id, name, 1.0::real FROM api.users WHERE name ILIKE '%' || q || '%'$$;
CREATE FUNCTION api.all_users() RETURNS SETOF api.users LANGUAGE sql STABLE AS 'SELECT * FROM api.users';
CREATE FUNCTION api.actives() RETURNS SETOF api.active_users LANGUAGE sql AS 'SELECT * FROM api.active_users';
CREATE FUNCTION api.one_user(uid int) RETURNS api.users LANGUAGE sql AS 'SELECT * FROM api.users WHERE id = uid';
CREATE FUNCTION api.plpgsql_table(n int) RETURNS TABLE ("ID" int, "Label Text" text) LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY SELECT g, 'row ' || g FROM generate_series(1, n) g;
END $$;
