-- A quoted SQL body that reads a table created later (check_function_bodies off, as pg_dump loads).
CREATE SCHEMA late;
SET check_function_bodies = off;
CREATE FUNCTION late.count_items() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM late.items';
CREATE FUNCTION late.item_names() RETURNS SETOF text LANGUAGE sql AS 'SELECT name FROM late.items ORDER BY 1';
RESET check_function_bodies;
CREATE TABLE late.items (id int, name text);
CREATE VIEW late.summary AS SELECT late.count_items() AS n;
