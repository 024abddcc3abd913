-- dict_int's intdict used directly (ts_lexize) by a view and a function; its lexize function locked down to one role.
-- roles: px_fts
CREATE EXTENSION dict_int;
REVOKE EXECUTE ON FUNCTION public.dintdict_lexize(internal, internal, internal, internal) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.dintdict_lexize(internal, internal, internal, internal) TO px_fts;
CREATE TABLE public.notes (id int, code text);
CREATE VIEW public.note_codes AS SELECT id, ts_lexize('public.intdict'::regdictionary, code) AS lexemes FROM public.notes;
CREATE FUNCTION public.normalize_code(c text) RETURNS text[] LANGUAGE sql STABLE
  AS $$SELECT ts_lexize('public.intdict'::regdictionary, c)$$;
