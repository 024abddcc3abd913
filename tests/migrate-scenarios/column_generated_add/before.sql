CREATE TABLE public.t (id integer PRIMARY KEY, a integer);
INSERT INTO public.t (id, a) VALUES (1, 10), (2, 20), (3, NULL);
