-- Tables set up for logical replication with REPLICA IDENTITY FULL, USING INDEX, NOTHING and DEFAULT.
CREATE SCHEMA repl;
CREATE TABLE repl.full_t (a int, b text);
ALTER TABLE repl.full_t REPLICA IDENTITY FULL;
CREATE TABLE repl.idx_t (a int NOT NULL, b text NOT NULL, c int);
CREATE UNIQUE INDEX idx_t_ab ON repl.idx_t (a, b);
ALTER TABLE repl.idx_t REPLICA IDENTITY USING INDEX idx_t_ab;
CREATE TABLE repl.nothing_t (a int);
ALTER TABLE repl.nothing_t REPLICA IDENTITY NOTHING;
CREATE TABLE repl.default_t (id int PRIMARY KEY);
ALTER TABLE repl.default_t REPLICA IDENTITY DEFAULT;
CREATE TABLE repl.pk_t (id int PRIMARY KEY, v text NOT NULL UNIQUE);
ALTER TABLE repl.pk_t REPLICA IDENTITY USING INDEX pk_t_v_key;
