-- Imitates a managed-Postgres platform bootstrap (Neon/Crunchy Bridge/RDS style): default privileges for schemas, types, sequences, functions and tables granted globally and per schema, revoking the owner's own defaults on tables, and a readonly role with USAGE on every app schema.
-- roles: ap_platform_owner, ap_platform_ro, ap_platform_rw, ap_platform_fn
ALTER DEFAULT PRIVILEGES FOR ROLE ap_platform_owner GRANT USAGE ON SCHEMAS TO ap_platform_ro;
ALTER DEFAULT PRIVILEGES FOR ROLE ap_platform_owner GRANT USAGE, CREATE ON SCHEMAS TO ap_platform_rw;
ALTER DEFAULT PRIVILEGES FOR ROLE ap_platform_owner GRANT SELECT ON TABLES TO ap_platform_ro;
ALTER DEFAULT PRIVILEGES FOR ROLE ap_platform_owner GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO ap_platform_rw;
ALTER DEFAULT PRIVILEGES FOR ROLE ap_platform_owner GRANT SELECT ON SEQUENCES TO ap_platform_ro;
ALTER DEFAULT PRIVILEGES FOR ROLE ap_platform_owner GRANT ALL ON SEQUENCES TO ap_platform_rw;
ALTER DEFAULT PRIVILEGES FOR ROLE ap_platform_owner REVOKE USAGE ON TYPES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE ap_platform_owner GRANT USAGE ON TYPES TO ap_platform_ro, ap_platform_rw;
ALTER DEFAULT PRIVILEGES FOR ROLE ap_platform_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE ap_platform_owner GRANT EXECUTE ON FUNCTIONS TO ap_platform_fn WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES FOR ROLE ap_platform_owner REVOKE TRUNCATE, REFERENCES, TRIGGER ON TABLES FROM ap_platform_owner;
CREATE SCHEMA app AUTHORIZATION ap_platform_owner;
CREATE SCHEMA analytics AUTHORIZATION ap_platform_owner;
ALTER DEFAULT PRIVILEGES FOR ROLE ap_platform_owner IN SCHEMA analytics GRANT SELECT ON TABLES TO ap_platform_fn;
SET ROLE ap_platform_owner;
CREATE TYPE app.plan AS ENUM ('free', 'team', 'enterprise');
CREATE TABLE app.organizations (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, plan app.plan NOT NULL DEFAULT 'free');
CREATE SEQUENCE app.invite_codes;
CREATE FUNCTION app.org_count() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT count(*) FROM app.organizations';
CREATE TABLE analytics.daily_signups (day date PRIMARY KEY, n integer NOT NULL);
RESET ROLE;
CREATE TABLE public.made_by_superuser (id int);
CREATE SCHEMA scratch AUTHORIZATION ap_platform_owner;
