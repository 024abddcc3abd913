-- roles: fn_owner, fn_app
-- SECURITY DEFINER functions pinned with SET search_path, owned by a privileged role, executable by the app only.
CREATE SCHEMA secure;
CREATE TABLE secure.secrets (k text PRIMARY KEY, v text);
CREATE FUNCTION secure.get_secret(key text) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = secure, pg_temp
  AS 'SELECT v FROM secrets WHERE k = key';
ALTER FUNCTION secure.get_secret(text) OWNER TO fn_owner;
REVOKE ALL ON FUNCTION secure.get_secret(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION secure.get_secret(text) TO fn_app;
CREATE FUNCTION secure.set_secret(key text, val text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$
BEGIN
  INSERT INTO secure.secrets VALUES (key, val) ON CONFLICT (k) DO UPDATE SET v = excluded.v;
END $$;
ALTER FUNCTION secure.set_secret(text, text) OWNER TO fn_owner;
REVOKE EXECUTE ON FUNCTION secure.set_secret(text, text) FROM PUBLIC;
