CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE MATERIALIZED VIEW public.mv AS SELECT id FROM public.t;
CREATE UNIQUE INDEX mv_id ON public.mv (id);
