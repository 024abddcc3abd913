-- Text search configurations built on extension dictionaries (unaccent, dict_int) and used by a GIN expression index.
CREATE SCHEMA ext;
CREATE EXTENSION unaccent SCHEMA ext;
CREATE EXTENSION dict_int SCHEMA ext;
CREATE TEXT SEARCH DICTIONARY public.intdict_short (TEMPLATE = ext.intdict_template, MAXLEN = 4, REJECTLONG = true);
CREATE TEXT SEARCH CONFIGURATION public.fr_unaccent (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION public.fr_unaccent ALTER MAPPING FOR hword, hword_part, word WITH ext.unaccent, french_stem;
ALTER TEXT SEARCH CONFIGURATION public.fr_unaccent ALTER MAPPING FOR int, uint WITH public.intdict_short;
CREATE TABLE public.articles (body text);
CREATE INDEX articles_fts ON public.articles USING gin (to_tsvector('public.fr_unaccent'::regconfig, body));
