CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE UNIQUE INDEX t_name_idx ON public.t (name) WHERE name IS NOT NULL;
