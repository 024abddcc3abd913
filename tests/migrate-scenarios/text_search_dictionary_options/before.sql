CREATE TEXT SEARCH DICTIONARY public.stop (TEMPLATE = pg_catalog.simple, Accept = true, StopWords = english);
COMMENT ON TEXT SEARCH DICTIONARY public.stop IS 'before';
CREATE TEXT SEARCH CONFIGURATION public.notes_cfg (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION public.notes_cfg ALTER MAPPING FOR asciiword WITH public.stop;
CREATE TABLE public.notes (
    id integer PRIMARY KEY,
    body text,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('public.notes_cfg', body)) STORED
);
INSERT INTO public.notes (id, body) VALUES (1, 'the dogs'), (2, 'a cat');
