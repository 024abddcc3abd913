CREATE TABLE public.t (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
INSERT INTO public.t (name) VALUES ('alice'), ('bob'), (NULL);
