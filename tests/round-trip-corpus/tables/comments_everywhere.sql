-- Comments on tables, columns, constraints, indexes and sequences, with quotes, newlines and unicode.
CREATE SCHEMA cm;
CREATE TABLE cm.t (id serial PRIMARY KEY, v text CONSTRAINT t_v_nonempty CHECK (v <> ''), w int UNIQUE);
CREATE INDEX t_v ON cm.t (v);
COMMENT ON TABLE cm.t IS 'A table with ''quotes'' and
a newline';
COMMENT ON COLUMN cm.t.id IS 'identifier — with an em dash and émoji ✓';
COMMENT ON COLUMN cm.t.v IS '';
COMMENT ON CONSTRAINT t_v_nonempty ON cm.t IS 'never empty';
COMMENT ON CONSTRAINT t_pkey ON cm.t IS 'the key';
COMMENT ON INDEX cm.t_v IS 'index comment';
COMMENT ON INDEX cm.t_w_key IS 'index behind a unique constraint';
COMMENT ON SEQUENCE cm.t_id_seq IS 'owned sequence';
COMMENT ON TABLE cm.t IS 'A table with ''quotes'' and
a newline; replaced once';
