-- Unlogged sequences (15+): standalone, owned by an unlogged table's column, and set unlogged later.
-- min-major: 15
CREATE SCHEMA useq;
CREATE UNLOGGED SEQUENCE useq.fast START 100;
CREATE UNLOGGED TABLE useq.scratch (id serial, v text);
CREATE SEQUENCE useq.later;
ALTER SEQUENCE useq.later SET UNLOGGED;
CREATE UNLOGGED SEQUENCE useq.relogged;
ALTER SEQUENCE useq.relogged SET LOGGED;
CREATE UNLOGGED TABLE useq.ident (id int GENERATED ALWAYS AS IDENTITY, v text);
