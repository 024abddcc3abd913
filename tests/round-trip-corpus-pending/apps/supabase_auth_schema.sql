-- Imitates Supabase's GoTrue auth schema: auth.users/identities/sessions/refresh_tokens and the auth.uid()/auth.role()/auth.jwt() helpers over request.jwt.claims.
-- roles: ap_anon, ap_authenticated, ap_service_role, ap_auth_admin
CREATE SCHEMA auth AUTHORIZATION ap_auth_admin;
CREATE TYPE auth.aal_level AS ENUM ('aal1', 'aal2', 'aal3');
CREATE TYPE auth.factor_type AS ENUM ('totp', 'webauthn');
CREATE TABLE auth.users (
    instance_id uuid,
    id uuid NOT NULL PRIMARY KEY,
    aud character varying(255),
    role character varying(255),
    email character varying(255),
    encrypted_password character varying(255),
    email_confirmed_at timestamp with time zone,
    invited_at timestamp with time zone,
    confirmation_token character varying(255),
    recovery_token character varying(255),
    last_sign_in_at timestamp with time zone,
    raw_app_meta_data jsonb,
    raw_user_meta_data jsonb,
    is_super_admin boolean,
    created_at timestamp with time zone,
    updated_at timestamp with time zone,
    phone text DEFAULT NULL::character varying UNIQUE,
    phone_confirmed_at timestamp with time zone,
    banned_until timestamp with time zone,
    deleted_at timestamp with time zone,
    is_sso_user boolean DEFAULT false NOT NULL,
    confirmed_at timestamp with time zone GENERATED ALWAYS AS (LEAST(email_confirmed_at, phone_confirmed_at)) STORED,
    CONSTRAINT users_email_change_confirm_status_check CHECK (true)
);
COMMENT ON TABLE auth.users IS 'Auth: Stores user login data within a secure schema.';
COMMENT ON COLUMN auth.users.is_sso_user IS 'Auth: Set this column to true when the account comes from SSO. These accounts can have duplicate emails.';
CREATE INDEX users_instance_id_idx ON auth.users USING btree (instance_id);
CREATE UNIQUE INDEX users_email_partial_key ON auth.users USING btree (email) WHERE (is_sso_user = false);
CREATE UNIQUE INDEX confirmation_token_idx ON auth.users USING btree (confirmation_token) WHERE ((confirmation_token)::text !~ '^[0-9 ]*$'::text);
CREATE TABLE auth.identities (
    provider_id text NOT NULL,
    user_id uuid NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
    identity_data jsonb NOT NULL,
    provider text NOT NULL,
    last_sign_in_at timestamp with time zone,
    created_at timestamp with time zone,
    updated_at timestamp with time zone,
    email text GENERATED ALWAYS AS (lower((identity_data ->> 'email'::text))) STORED,
    id uuid DEFAULT gen_random_uuid() NOT NULL PRIMARY KEY,
    CONSTRAINT identities_provider_id_provider_unique UNIQUE (provider_id, provider)
);
CREATE INDEX identities_email_idx ON auth.identities USING btree (email text_pattern_ops);
CREATE TABLE auth.sessions (
    id uuid NOT NULL PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
    created_at timestamp with time zone,
    updated_at timestamp with time zone,
    factor_id uuid,
    aal auth.aal_level,
    not_after timestamp with time zone
);
CREATE INDEX sessions_user_id_idx ON auth.sessions USING btree (user_id);
CREATE INDEX user_id_created_at_idx ON auth.sessions USING btree (user_id, created_at);
CREATE TABLE auth.refresh_tokens (
    instance_id uuid,
    id bigserial PRIMARY KEY,
    token character varying(255) UNIQUE,
    user_id character varying(255),
    revoked boolean,
    created_at timestamp with time zone,
    updated_at timestamp with time zone,
    parent character varying(255),
    session_id uuid REFERENCES auth.sessions(id) ON DELETE CASCADE
);
CREATE INDEX refresh_tokens_parent_idx ON auth.refresh_tokens USING btree (parent);
CREATE INDEX refresh_tokens_session_id_revoked_idx ON auth.refresh_tokens USING btree (session_id, revoked);
CREATE TABLE auth.schema_migrations (version character varying(255) NOT NULL PRIMARY KEY);
CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;
COMMENT ON FUNCTION auth.uid() IS 'Deprecated. Use auth.jwt() -> ''sub'' instead.';
CREATE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE AS $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;
CREATE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE AS $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;
ALTER TABLE auth.users OWNER TO ap_auth_admin;
ALTER TABLE auth.identities OWNER TO ap_auth_admin;
ALTER TABLE auth.sessions OWNER TO ap_auth_admin;
ALTER TABLE auth.refresh_tokens OWNER TO ap_auth_admin;
ALTER TABLE auth.schema_migrations OWNER TO ap_auth_admin;
ALTER FUNCTION auth.uid() OWNER TO ap_auth_admin;
ALTER FUNCTION auth.role() OWNER TO ap_auth_admin;
ALTER FUNCTION auth.jwt() OWNER TO ap_auth_admin;
GRANT USAGE ON SCHEMA auth TO ap_anon, ap_authenticated, ap_service_role;
GRANT ALL ON SCHEMA auth TO ap_service_role;
GRANT ALL ON FUNCTION auth.uid() TO ap_service_role;
GRANT ALL ON FUNCTION auth.jwt() TO PUBLIC;
GRANT ALL ON TABLE auth.users TO ap_service_role;
GRANT SELECT ON TABLE auth.schema_migrations TO ap_authenticated;
ALTER DEFAULT PRIVILEGES FOR ROLE ap_auth_admin IN SCHEMA auth GRANT ALL ON TABLES TO ap_service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE ap_auth_admin IN SCHEMA auth GRANT ALL ON SEQUENCES TO ap_service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE ap_auth_admin IN SCHEMA auth GRANT ALL ON FUNCTIONS TO ap_service_role;
