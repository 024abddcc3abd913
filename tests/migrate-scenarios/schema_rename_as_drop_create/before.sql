CREATE SCHEMA old;
CREATE TABLE old.t (id integer);
INSERT INTO old.t (id) VALUES (1), (2), (NULL);
