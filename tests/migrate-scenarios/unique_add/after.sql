CREATE TABLE public.t (id integer PRIMARY KEY, name text);
ALTER TABLE public.t ADD CONSTRAINT t_name_key UNIQUE (name);
