-- pg_dump-inherent: a `x BETWEEN .. AND y BETWEEN ..` CHECK deparses to nested ANDs that re-parse flattened (pg_dump | psql | pg_dump differs too).
CREATE SCHEMA gis;
CREATE TYPE gis.pt AS (x float8, y float8);
CREATE DOMAIN gis.unit_point AS gis.pt CHECK ((VALUE).x BETWEEN 0 AND 1 AND (VALUE).y BETWEEN 0 AND 1);
CREATE TABLE gis.tiles (id int, lo int, hi int, CHECK (lo BETWEEN 0 AND 10 AND hi BETWEEN 0 AND 10));
