CREATE TABLE public.t (id integer PRIMARY KEY, name text);
ALTER TABLE public.t ADD CONSTRAINT pos CHECK (id > 0);
