CREATE TABLE public.t (a integer, b integer);
CREATE STATISTICS public.t_ab (dependencies) ON a, b FROM public.t;
INSERT INTO public.t (a, b) VALUES (1, 10), (2, 20), (3, NULL), (NULL, 40);
