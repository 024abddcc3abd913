-- Accent-insensitive search: an immutable wrapper over unaccent for an expression index; unaccent(text) re-granted.
-- roles: px_unaccent
CREATE SCHEMA ext;
CREATE EXTENSION unaccent SCHEMA ext;
REVOKE EXECUTE ON FUNCTION ext.unaccent(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ext.unaccent(text) TO px_unaccent;
CREATE FUNCTION public.f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$SELECT ext.unaccent('ext.unaccent'::regdictionary, $1)$$;
CREATE TABLE public.cities (name text);
CREATE INDEX cities_name_unaccent ON public.cities (public.f_unaccent(name));
