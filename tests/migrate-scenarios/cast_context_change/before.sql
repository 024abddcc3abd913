CREATE TYPE public.mood AS ENUM ('happy', 'sad');
CREATE FUNCTION public.mood_rank(public.mood) RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$ SELECT CASE $1 WHEN 'happy' THEN 1 ELSE 0 END $$;
CREATE CAST (public.mood AS integer) WITH FUNCTION public.mood_rank(public.mood);
COMMENT ON CAST (public.mood AS integer) IS 'before';
CREATE CAST (text AS public.mood) WITH INOUT;
CREATE TABLE public.feelings (
    id integer PRIMARY KEY,
    mood public.mood NOT NULL,
    rank integer
);
INSERT INTO public.feelings VALUES (1, 'happy', 1), (2, 'sad', 0);
