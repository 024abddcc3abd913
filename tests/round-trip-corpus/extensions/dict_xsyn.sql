-- Synonym lookup with dict_xsyn's xsyn dictionary in a search schema, created while new functions were revoked from PUBLIC.
-- roles: px_xsyn
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
CREATE SCHEMA search;
CREATE EXTENSION dict_xsyn SCHEMA search;
GRANT EXECUTE ON FUNCTION search.dxsyn_lexize(internal, internal, internal, internal) TO px_xsyn;
CREATE TABLE public.terms (word text);
CREATE VIEW public.term_synonyms AS SELECT word, ts_lexize('search.xsyn'::regdictionary, word) AS synonyms FROM public.terms;
