CREATE TABLE public.t (id integer PRIMARY KEY, name text, old text);
CREATE VIEW public.v AS SELECT id, old FROM public.t;
INSERT INTO public.t (id, name, old) VALUES (1, 'alice', 'a1'), (2, 'bob', NULL), (3, NULL, 'c3');
