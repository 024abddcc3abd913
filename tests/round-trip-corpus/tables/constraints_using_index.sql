-- Constraints promoted from pre-built unique indexes with ADD CONSTRAINT ... USING INDEX.
CREATE SCHEMA ui;
CREATE TABLE ui.t (id int NOT NULL, code text NOT NULL, other int);
CREATE UNIQUE INDEX t_id_idx ON ui.t (id);
ALTER TABLE ui.t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_id_idx;
CREATE UNIQUE INDEX t_code_built ON ui.t (code) WITH (fillfactor = 80);
ALTER TABLE ui.t ADD CONSTRAINT t_code_uq UNIQUE USING INDEX t_code_built DEFERRABLE;
CREATE UNIQUE INDEX t_other_desc ON ui.t (other DESC);
