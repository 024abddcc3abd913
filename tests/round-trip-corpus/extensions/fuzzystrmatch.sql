-- Name matching with soundex and levenshtein: an expression index on soundex, levenshtein limited to one role.
-- roles: px_fuzzy
CREATE SCHEMA fuzzy;
CREATE EXTENSION fuzzystrmatch SCHEMA fuzzy;
REVOKE EXECUTE ON FUNCTION fuzzy.levenshtein(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fuzzy.levenshtein(text, text) TO px_fuzzy;
REVOKE EXECUTE ON FUNCTION fuzzy.levenshtein(text, text, integer, integer, integer) FROM PUBLIC;
CREATE TABLE public.people (id int, last_name text);
CREATE INDEX people_soundex ON public.people (fuzzy.soundex(last_name));
