CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE PUBLICATION pub FOR TABLE public.t;
