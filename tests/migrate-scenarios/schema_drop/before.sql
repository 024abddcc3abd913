CREATE SCHEMA app;
CREATE TABLE app.t (id integer);
INSERT INTO app.t (id) VALUES (1), (2), (NULL);
