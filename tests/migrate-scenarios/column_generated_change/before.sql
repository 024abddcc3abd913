CREATE TABLE public.t (id integer PRIMARY KEY, a integer, b integer GENERATED ALWAYS AS (a * 2) STORED);
INSERT INTO public.t (id, a) VALUES (1, 10), (2, 20), (3, NULL);
