CREATE TABLE public.t (a integer, b integer);
INSERT INTO public.t (a, b) VALUES (1, 10), (2, 20), (3, NULL), (NULL, 40);
