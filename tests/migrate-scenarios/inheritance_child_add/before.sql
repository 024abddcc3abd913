CREATE TABLE public.base (id integer, at date);
INSERT INTO public.base (id, at) VALUES (1, '2020-01-01'), (2, NULL), (3, '2021-12-31');
