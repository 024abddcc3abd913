-- Imitates a Laravel app's PostgreSQL schema: migrations, users/password_reset_tokens/sessions, jobs/job_batches/failed_jobs, cache and cache_locks, personal_access_tokens with morphs, and "unsigned" emulated by checks.
CREATE TABLE public.migrations (id serial PRIMARY KEY, migration varchar(255) NOT NULL, batch integer NOT NULL);
CREATE TABLE public.users (
  id bigserial PRIMARY KEY,
  name varchar(255) NOT NULL,
  email varchar(255) NOT NULL,
  email_verified_at timestamp(0) without time zone NULL,
  password varchar(255) NOT NULL,
  remember_token varchar(100) NULL,
  created_at timestamp(0) without time zone NULL,
  updated_at timestamp(0) without time zone NULL
);
ALTER TABLE public.users ADD CONSTRAINT users_email_unique UNIQUE (email);
CREATE TABLE public.password_reset_tokens (email varchar(255) NOT NULL PRIMARY KEY, token varchar(255) NOT NULL, created_at timestamp(0) without time zone NULL);
CREATE TABLE public.sessions (
  id varchar(255) NOT NULL PRIMARY KEY,
  user_id bigint NULL,
  ip_address varchar(45) NULL,
  user_agent text NULL,
  payload text NOT NULL,
  last_activity integer NOT NULL
);
CREATE INDEX sessions_user_id_index ON public.sessions (user_id);
CREATE INDEX sessions_last_activity_index ON public.sessions (last_activity);
CREATE TABLE public.cache (key varchar(255) NOT NULL PRIMARY KEY, value text NOT NULL, expiration integer NOT NULL);
CREATE TABLE public.cache_locks (key varchar(255) NOT NULL PRIMARY KEY, owner varchar(255) NOT NULL, expiration integer NOT NULL);
CREATE TABLE public.jobs (
  id bigserial PRIMARY KEY,
  queue varchar(255) NOT NULL,
  payload text NOT NULL,
  attempts smallint NOT NULL CHECK (attempts >= 0),
  reserved_at integer NULL CHECK (reserved_at >= 0),
  available_at integer NOT NULL CHECK (available_at >= 0),
  created_at integer NOT NULL CHECK (created_at >= 0)
);
CREATE INDEX jobs_queue_index ON public.jobs (queue);
CREATE TABLE public.job_batches (
  id varchar(255) NOT NULL PRIMARY KEY,
  name varchar(255) NOT NULL,
  total_jobs integer NOT NULL,
  pending_jobs integer NOT NULL,
  failed_jobs integer NOT NULL,
  failed_job_ids text NOT NULL,
  options text NULL,
  cancelled_at integer NULL,
  created_at integer NOT NULL,
  finished_at integer NULL
);
CREATE TABLE public.failed_jobs (
  id bigserial PRIMARY KEY,
  uuid varchar(255) NOT NULL,
  connection text NOT NULL,
  queue text NOT NULL,
  payload text NOT NULL,
  exception text NOT NULL,
  failed_at timestamp(0) without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);
ALTER TABLE public.failed_jobs ADD CONSTRAINT failed_jobs_uuid_unique UNIQUE (uuid);
CREATE TABLE public.personal_access_tokens (
  id bigserial PRIMARY KEY,
  tokenable_type varchar(255) NOT NULL,
  tokenable_id bigint NOT NULL,
  name varchar(255) NOT NULL,
  token varchar(64) NOT NULL,
  abilities text NULL,
  last_used_at timestamp(0) without time zone NULL,
  expires_at timestamp(0) without time zone NULL,
  created_at timestamp(0) without time zone NULL,
  updated_at timestamp(0) without time zone NULL
);
CREATE INDEX personal_access_tokens_tokenable_type_tokenable_id_index ON public.personal_access_tokens (tokenable_type, tokenable_id);
ALTER TABLE public.personal_access_tokens ADD CONSTRAINT personal_access_tokens_token_unique UNIQUE (token);
CREATE TABLE public.posts (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL,
  title varchar(255) NOT NULL,
  status varchar(255) CHECK (status::text = ANY (ARRAY['draft'::varchar, 'published'::varchar]::text[])) DEFAULT 'draft' NOT NULL,
  created_at timestamp(0) without time zone NULL,
  updated_at timestamp(0) without time zone NULL,
  deleted_at timestamp(0) without time zone NULL
);
ALTER TABLE public.posts ADD CONSTRAINT posts_user_id_foreign FOREIGN KEY (user_id) REFERENCES public.users (id) ON DELETE CASCADE;
