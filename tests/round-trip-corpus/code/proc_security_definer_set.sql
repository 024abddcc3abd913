-- A SECURITY DEFINER maintenance procedure with SET search_path, owned by a service role.
-- roles: fn_owner, fn_app
CREATE SCHEMA maint;
CREATE TABLE maint.stats (k text PRIMARY KEY, v bigint);
CREATE PROCEDURE maint.bump(key text, by_n bigint DEFAULT 1)
  LANGUAGE sql SECURITY DEFINER SET search_path = maint, pg_temp
  AS 'INSERT INTO stats VALUES (key, by_n) ON CONFLICT (k) DO UPDATE SET v = stats.v + excluded.v';
ALTER PROCEDURE maint.bump(text, bigint) OWNER TO fn_owner;
REVOKE EXECUTE ON PROCEDURE maint.bump(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE maint.bump(text, bigint) TO fn_app WITH GRANT OPTION;
CREATE PROCEDURE maint.vac() LANGUAGE plpgsql SET work_mem = '128MB' AS $$BEGIN PERFORM 1; END$$;
