CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE INDEX t_name_idx ON public.t (name);
