-- A populated materialized view indexed on a function whose quoted body calls a function created later.
CREATE SCHEMA mvi;
SET check_function_bodies = off;
CREATE FUNCTION mvi.a_norm(t text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT mvi.z_clean(lower(t))';
RESET check_function_bodies;
CREATE FUNCTION mvi.z_clean(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT btrim(t)$$;
CREATE MATERIALIZED VIEW mvi.words AS SELECT w FROM unnest(ARRAY[' A', 'b ', 'C']) AS w;
CREATE UNIQUE INDEX words_norm ON mvi.words (mvi.a_norm(w));
