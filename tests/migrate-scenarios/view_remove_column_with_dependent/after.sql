CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE VIEW public.v AS SELECT id FROM public.t WHERE id > 0;
CREATE VIEW public.w AS SELECT id FROM public.v;
