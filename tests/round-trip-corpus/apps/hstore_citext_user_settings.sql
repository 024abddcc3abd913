-- Imitates a user-preferences service built on contrib types: citext emails and usernames with unique indexes, hstore per-user settings with GIN and expression indexes, hstore-typed function arguments and a citext domain.
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS hstore;
CREATE DOMAIN public.email_address AS citext CHECK (VALUE ~ '^[a-zA-Z0-9.!#$%&''*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$');
CREATE TABLE public.users (
  id bigserial PRIMARY KEY,
  username citext NOT NULL UNIQUE,
  email public.email_address NOT NULL UNIQUE,
  settings hstore NOT NULL DEFAULT ''::hstore,
  feature_flags hstore,
  CONSTRAINT username_format CHECK (username ~ '^[A-Za-z0-9_]{2,30}$')
);
CREATE INDEX users_settings_gin ON public.users USING gin (settings);
CREATE INDEX users_settings_theme ON public.users ((settings -> 'theme'));
CREATE INDEX users_flags_gist ON public.users USING gist (feature_flags);
CREATE FUNCTION public.user_setting(p_user bigint, p_key text, p_default text DEFAULT NULL) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(settings -> p_key, p_default) FROM public.users WHERE id = p_user
$$;
CREATE FUNCTION public.merge_settings(p_user bigint, p_patch hstore) RETURNS hstore LANGUAGE sql AS $$
  UPDATE public.users SET settings = settings || p_patch WHERE id = p_user RETURNING settings
$$;
CREATE VIEW public.users_with_dark_mode AS SELECT id, username FROM public.users WHERE settings @> 'theme=>dark';
CREATE TABLE public.email_blocklist (pattern citext PRIMARY KEY, reason text);
