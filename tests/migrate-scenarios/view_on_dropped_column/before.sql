CREATE TABLE public.t (id integer PRIMARY KEY, name text, old text);
CREATE VIEW public.v AS SELECT id, old FROM public.t;
