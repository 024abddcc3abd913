CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE VIEW public.v AS SELECT id, name FROM public.t WHERE id > 0;
INSERT INTO public.t (id, name) VALUES (1, 'alice'), (2, 'bob'), (3, NULL), (4, 'dora');
