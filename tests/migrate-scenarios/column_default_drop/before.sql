CREATE TABLE public.t (id integer PRIMARY KEY, name text DEFAULT 'x');
INSERT INTO public.t (id, name) VALUES (1, 'alice'), (2, NULL), (3, 'carol');
INSERT INTO public.t (id) VALUES (4);
