CREATE TABLE public.c (id integer PRIMARY KEY, p_id integer);
INSERT INTO public.c (id, p_id) VALUES (10, NULL), (11, NULL), (12, NULL);
