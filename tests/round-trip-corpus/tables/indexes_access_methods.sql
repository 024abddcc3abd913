-- One table indexed by every builtin access method: btree, hash, gist, spgist, gin and brin.
CREATE SCHEMA ixa;
CREATE TABLE ixa.t (id int, token text, span int4range, pt point, words tsvector, tags text[], at date, prefix text);
CREATE INDEX t_btree ON ixa.t USING btree (id);
CREATE INDEX t_hash ON ixa.t USING hash (token) WITH (fillfactor = 80);
CREATE INDEX t_gist ON ixa.t USING gist (span);
CREATE INDEX t_spgist_pt ON ixa.t USING spgist (pt) WITH (fillfactor = 90);
CREATE INDEX t_spgist_text ON ixa.t USING spgist (prefix);
CREATE INDEX t_spgist_range ON ixa.t USING spgist (span);
CREATE INDEX t_gin ON ixa.t USING gin (words);
CREATE INDEX t_gin_arr ON ixa.t USING gin (tags);
CREATE INDEX t_brin ON ixa.t USING brin (at, id);
CREATE INDEX t_gist_pt ON ixa.t USING gist (pt) WITH (buffering = auto);
