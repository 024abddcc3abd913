-- Function SET clauses with list-valued and quoted settings: "$user" in search_path, temp_tablespaces, timezone, quoted strings.
CREATE SCHEMA gucs;
CREATE FUNCTION gucs.a() RETURNS int LANGUAGE sql SET search_path = "$user", public, gucs AS 'SELECT 1';
CREATE FUNCTION gucs.b() RETURNS int LANGUAGE sql SET temp_tablespaces = '' AS 'SELECT 1';
CREATE FUNCTION gucs.c() RETURNS int LANGUAGE sql SET timezone = 'America/New_York' SET datestyle = iso, mdy AS 'SELECT 1';
CREATE FUNCTION gucs.d() RETURNS int LANGUAGE sql SET application_name = 'it''s "mine"' AS 'SELECT 1';
CREATE FUNCTION gucs.e() RETURNS int LANGUAGE sql SET search_path TO DEFAULT AS 'SELECT 1';
CREATE FUNCTION gucs.f() RETURNS int LANGUAGE sql SET "my.Setting" = 'x, y' AS 'SELECT 1';
CREATE FUNCTION gucs.g() RETURNS int LANGUAGE sql SET search_path = 'Gucs Schema', "pg_catalog" AS 'SELECT 1';
CREATE FUNCTION gucs.h() RETURNS int LANGUAGE sql SET extra_float_digits = 3 SET random_page_cost = 1.1 AS 'SELECT 1';
