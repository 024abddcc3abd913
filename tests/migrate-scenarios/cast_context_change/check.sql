-- The assignment cast is in use: a mood stored into an integer column.
INSERT INTO public.feelings (id, mood, rank) VALUES (3, 'happy', 'happy'::public.mood);
SELECT 1 / (rank = 1)::integer FROM public.feelings WHERE id = 3;
