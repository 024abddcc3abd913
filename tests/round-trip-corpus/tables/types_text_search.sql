-- A document store with tsvector/tsquery columns, a generated tsvector and GIN/GiST indexes.
CREATE SCHEMA docs;
CREATE TABLE docs.articles (
    id int PRIMARY KEY,
    title text NOT NULL,
    body text,
    doc tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || coalesce(body, ''))) STORED,
    manual tsvector DEFAULT ''::tsvector,
    saved_query tsquery,
    config regconfig DEFAULT 'simple'
);
CREATE INDEX articles_doc ON docs.articles USING gin (doc);
CREATE INDEX articles_manual ON docs.articles USING gist (manual tsvector_ops (siglen = 100));
