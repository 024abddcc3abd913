-- Imitates the PostgREST "user management" tutorial: basic_auth.users with a pgcrypto password trigger, a role-existence constraint trigger, and login/signup RPCs in api.
-- roles: ap_web_anon, ap_web_user, ap_authenticator
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE SCHEMA basic_auth;
CREATE SCHEMA api;
CREATE TABLE basic_auth.users (
  email text PRIMARY KEY CHECK (email ~* '^.+@.+\..+$'),
  pass text NOT NULL CHECK (length(pass) < 512),
  role name NOT NULL CHECK (length(role) < 512)
);
CREATE FUNCTION basic_auth.check_role_exists() RETURNS trigger LANGUAGE plpgsql AS $$
begin
  if not exists (select 1 from pg_roles as r where r.rolname = new.role) then
    raise foreign_key_violation using message = 'unknown database role: ' || new.role;
    return null;
  end if;
  return new;
end
$$;
CREATE CONSTRAINT TRIGGER ensure_user_role_exists AFTER INSERT OR UPDATE ON basic_auth.users
  FOR EACH ROW EXECUTE PROCEDURE basic_auth.check_role_exists();
CREATE FUNCTION basic_auth.encrypt_pass() RETURNS trigger LANGUAGE plpgsql AS $$
begin
  if tg_op = 'INSERT' or new.pass <> old.pass then
    new.pass = crypt(new.pass, gen_salt('bf'));
  end if;
  return new;
end
$$;
CREATE TRIGGER encrypt_pass BEFORE INSERT OR UPDATE ON basic_auth.users FOR EACH ROW EXECUTE PROCEDURE basic_auth.encrypt_pass();
CREATE FUNCTION basic_auth.user_role(email text, pass text) RETURNS name LANGUAGE plpgsql AS $$
begin
  return (
  select role from basic_auth.users
   where users.email = user_role.email
     and users.pass = crypt(user_role.pass, users.pass)
  );
end;
$$;
CREATE TYPE basic_auth.jwt_token AS (token text);
CREATE FUNCTION api.login(email text, pass text) RETURNS basic_auth.jwt_token LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = basic_auth, public, pg_temp AS $$
declare
  _role name;
  result basic_auth.jwt_token;
begin
  select basic_auth.user_role(email, pass) into _role;
  if _role is null then
    raise invalid_password using message = 'invalid user or password';
  end if;
  select encode(digest(_role || email, 'sha256'), 'hex') as token into result;
  return result;
end;
$$;
CREATE FUNCTION api.signup(email text, pass text) RETURNS void LANGUAGE sql SECURITY DEFINER AS $$
  INSERT INTO basic_auth.users (email, pass, role) VALUES (signup.email, signup.pass, 'ap_web_user');
$$;
REVOKE ALL ON FUNCTION api.login(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.login(text, text) TO ap_web_anon;
GRANT EXECUTE ON FUNCTION api.signup(text, text) TO ap_web_anon;
GRANT USAGE ON SCHEMA api TO ap_web_anon, ap_web_user;
