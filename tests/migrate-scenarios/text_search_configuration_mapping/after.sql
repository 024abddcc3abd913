-- The configuration changes in place (a dropped, an added and a changed mapping, a new
-- comment): the table whose generated column depends on it keeps its rows.
CREATE TEXT SEARCH CONFIGURATION public.docs_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION public.docs_english DROP MAPPING FOR email;
ALTER TEXT SEARCH CONFIGURATION public.docs_english
    ALTER MAPPING FOR asciiword WITH pg_catalog.simple;
COMMENT ON TEXT SEARCH CONFIGURATION public.docs_english IS 'after';
CREATE TEXT SEARCH CONFIGURATION public.titles (PARSER = pg_catalog."default");
ALTER TEXT SEARCH CONFIGURATION public.titles ADD MAPPING FOR asciiword WITH pg_catalog.simple;
CREATE TABLE public.docs (
    id integer PRIMARY KEY,
    body text,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('public.docs_english', body)) STORED
);
