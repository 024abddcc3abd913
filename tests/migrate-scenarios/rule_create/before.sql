CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE TABLE public.log (id integer);
INSERT INTO public.t (id, name) VALUES (1, 'alice'), (2, 'bob'), (3, NULL), (4, 'dora');
INSERT INTO public.log (id) VALUES (100), (NULL), (101);
