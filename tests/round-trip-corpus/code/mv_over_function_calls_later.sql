-- A materialized view over a function whose quoted body calls a function created later.
CREATE SCHEMA mf;
SET check_function_bodies = off;
CREATE FUNCTION mf.a_score(i int) RETURNS int LANGUAGE sql AS 'SELECT mf.z_weight() * i';
RESET check_function_bodies;
CREATE FUNCTION mf.z_weight() RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$BEGIN RETURN 3; END$$;
CREATE MATERIALIZED VIEW mf.scores AS SELECT g AS id, mf.a_score(g) AS score FROM generate_series(1, 5) g;
CREATE MATERIALIZED VIEW mf.best AS SELECT max(score) AS best FROM mf.scores;
CREATE UNIQUE INDEX ON mf.scores (id);
