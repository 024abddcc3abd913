CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE INDEX t_name_idx ON public.t (name);
INSERT INTO public.t (id, name) VALUES (1, 'alice'), (2, 'bob'), (3, NULL), (4, 'dora');
