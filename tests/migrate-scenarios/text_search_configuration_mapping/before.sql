CREATE TEXT SEARCH CONFIGURATION public.docs_english (COPY = pg_catalog.english);
COMMENT ON TEXT SEARCH CONFIGURATION public.docs_english IS 'before';
CREATE TABLE public.docs (
    id integer PRIMARY KEY,
    body text,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('public.docs_english', body)) STORED
);
INSERT INTO public.docs (id, body) VALUES (1, 'Running dogs'), (2, 'mail me at a@example.com');
