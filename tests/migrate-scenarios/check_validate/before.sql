CREATE TABLE public.t (id integer PRIMARY KEY, name text);
ALTER TABLE public.t ADD CONSTRAINT pos CHECK (id > 0) NOT VALID;
INSERT INTO public.t (id, name) VALUES (1, 'alice'), (2, 'bob'), (3, NULL), (4, 'dora');
