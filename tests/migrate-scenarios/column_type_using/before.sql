CREATE TABLE public.t (id integer PRIMARY KEY, code text DEFAULT '0');
