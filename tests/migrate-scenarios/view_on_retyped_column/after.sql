CREATE TABLE public.t (id integer PRIMARY KEY, name varchar(80));
CREATE VIEW public.v AS SELECT id, name FROM public.t;
