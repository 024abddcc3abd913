CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE MATERIALIZED VIEW public.mv AS SELECT count(*) AS n, max(id) AS top FROM public.t;
