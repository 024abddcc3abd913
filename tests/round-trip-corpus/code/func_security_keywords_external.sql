-- Functions using the EXTERNAL SECURITY spellings, SECURITY INVOKER explicitly, and ALTER FUNCTION to change them.
-- roles: fn_owner
CREATE SCHEMA secw;
CREATE FUNCTION secw.a() RETURNS name LANGUAGE sql EXTERNAL SECURITY DEFINER AS 'SELECT current_user';
CREATE FUNCTION secw.b() RETURNS name LANGUAGE sql SECURITY INVOKER AS 'SELECT current_user';
CREATE FUNCTION secw.c() RETURNS name LANGUAGE sql AS 'SELECT session_user';
ALTER FUNCTION secw.c() SECURITY DEFINER;
ALTER FUNCTION secw.a() EXTERNAL SECURITY INVOKER;
ALTER FUNCTION secw.c() OWNER TO fn_owner;
ALTER FUNCTION secw.b() RENAME TO b_renamed;
CREATE SCHEMA secw_moved;
ALTER FUNCTION secw.b_renamed() SET SCHEMA secw_moved;
