-- B-tree indexes with DESC, NULLS FIRST/LAST, INCLUDE columns, and index storage parameters.
CREATE SCHEMA ixo;
CREATE TABLE ixo.posts (id int, author int, published timestamptz, score int, title text, body text);
CREATE INDEX posts_recent ON ixo.posts (published DESC NULLS LAST);
CREATE INDEX posts_score ON ixo.posts (score DESC NULLS FIRST, id ASC NULLS LAST);
CREATE INDEX posts_asc_nulls_first ON ixo.posts (author ASC NULLS FIRST);
CREATE INDEX posts_cover ON ixo.posts (author, published DESC) INCLUDE (title, score);
CREATE UNIQUE INDEX posts_id_cover ON ixo.posts (id) INCLUDE (author);
CREATE INDEX posts_ff ON ixo.posts (title) WITH (fillfactor = 40);
CREATE INDEX posts_nodedup ON ixo.posts (author) WITH (deduplicate_items = off);
