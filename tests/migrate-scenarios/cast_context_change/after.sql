-- The cast to integer becomes an assignment cast (no in-place change exists: it is dropped
-- and made again, with its new comment), the cast from text goes, a cast to text comes; the
-- table keeps its rows.
CREATE TYPE public.mood AS ENUM ('happy', 'sad');
CREATE FUNCTION public.mood_rank(public.mood) RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$ SELECT CASE $1 WHEN 'happy' THEN 1 ELSE 0 END $$;
CREATE CAST (public.mood AS integer) WITH FUNCTION public.mood_rank(public.mood) AS ASSIGNMENT;
COMMENT ON CAST (public.mood AS integer) IS 'after';
CREATE CAST (public.mood AS text) WITH INOUT AS IMPLICIT;
CREATE TABLE public.feelings (
    id integer PRIMARY KEY,
    mood public.mood NOT NULL,
    rank integer
);
