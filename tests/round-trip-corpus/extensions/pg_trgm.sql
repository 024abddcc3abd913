-- Fuzzy search with trigram GIN and GiST (siglen) indexes; similarity and show_trgm re-granted.
-- roles: px_trgm
CREATE EXTENSION pg_trgm;
REVOKE EXECUTE ON FUNCTION public.similarity(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.similarity(text, text) TO px_trgm;
REVOKE EXECUTE ON FUNCTION public.show_trgm(text) FROM PUBLIC;
CREATE TABLE public.places (id int, name text);
CREATE INDEX places_name_trgm ON public.places USING gin (name gin_trgm_ops);
CREATE INDEX places_name_gist ON public.places USING gist (name gist_trgm_ops (siglen = 32));
