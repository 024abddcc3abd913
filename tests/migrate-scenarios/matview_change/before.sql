CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE MATERIALIZED VIEW public.mv AS SELECT count(*) AS n FROM public.t;
INSERT INTO public.t (id, name) VALUES (1, 'alice'), (2, 'bob'), (3, NULL), (4, 'dora');
