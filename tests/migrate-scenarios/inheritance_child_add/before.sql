CREATE TABLE public.base (id integer, at date);
