CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE VIEW public.v AS SELECT id FROM public.t;
