CREATE TABLE public.t (name text);
INSERT INTO public.t (name) VALUES ('alice'), ('bob'), (NULL);
