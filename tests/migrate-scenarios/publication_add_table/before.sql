CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE TABLE public.u (id integer PRIMARY KEY);
CREATE PUBLICATION pub FOR TABLE public.t;
INSERT INTO public.t (id, name) VALUES (1, 'alice'), (2, 'bob'), (3, NULL), (4, 'dora');
INSERT INTO public.u (id) VALUES (1), (2), (3);
