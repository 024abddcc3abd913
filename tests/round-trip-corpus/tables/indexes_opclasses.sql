-- Indexes with non-default operator classes, some with opclass parameters (siglen, bloom, minmax_multi).
CREATE SCHEMA ixc;
CREATE TABLE ixc.docs (id int, title text, code varchar(20), doc jsonb, words tsvector, tags text[], at timestamptz, n int);
CREATE INDEX docs_title_pattern ON ixc.docs (title text_pattern_ops);
CREATE INDEX docs_code_pattern ON ixc.docs (code varchar_pattern_ops);
CREATE INDEX docs_doc_path ON ixc.docs USING gin (doc jsonb_path_ops);
CREATE INDEX docs_words_gist ON ixc.docs USING gist (words tsvector_ops (siglen = 256));
CREATE INDEX docs_tags_gin ON ixc.docs USING gin (tags array_ops) WITH (fastupdate = off, gin_pending_list_limit = 128);
CREATE INDEX docs_title_bpchar ON ixc.docs (title text_ops DESC);
CREATE INDEX docs_at_brin ON ixc.docs USING brin (at timestamptz_minmax_ops) WITH (pages_per_range = 32, autosummarize = on);
