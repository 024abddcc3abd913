CREATE TABLE public.t (id integer NOT NULL, name text);
INSERT INTO public.t (id, name) VALUES (1, 'alice'), (2, 'bob'), (3, NULL), (4, 'dora');
