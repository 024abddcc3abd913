-- The dictionary's options change in place (one removed, one changed, one added, in one
-- statement): the configuration and the table whose generated column uses it stay, rows and
-- all.
CREATE TEXT SEARCH DICTIONARY public.stop (TEMPLATE = pg_catalog.simple, StopWords = russian, Accept = 0);
COMMENT ON TEXT SEARCH DICTIONARY public.stop IS 'before';
CREATE TEXT SEARCH DICTIONARY public.added (TEMPLATE = pg_catalog.simple, StopWords = english);
CREATE TEXT SEARCH CONFIGURATION public.notes_cfg (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION public.notes_cfg ALTER MAPPING FOR asciiword WITH public.stop;
CREATE TABLE public.notes (
    id integer PRIMARY KEY,
    body text,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('public.notes_cfg', body)) STORED
);
