CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE TABLE public.log (id integer);
