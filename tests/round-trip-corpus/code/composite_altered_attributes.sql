-- A composite type evolved with ALTER TYPE: attributes added, dropped, renamed and retyped.
CREATE SCHEMA evo;
CREATE TYPE evo.profile AS (name text, age int, nickname text, score int);
ALTER TYPE evo.profile DROP ATTRIBUTE nickname;
ALTER TYPE evo.profile ADD ATTRIBUTE email text COLLATE "C";
ALTER TYPE evo.profile RENAME ATTRIBUTE age TO years;
ALTER TYPE evo.profile ALTER ATTRIBUTE score TYPE bigint;
CREATE FUNCTION evo.describe(p evo.profile) RETURNS text LANGUAGE sql AS $$SELECT p.name || ' ' || p.years$$;
