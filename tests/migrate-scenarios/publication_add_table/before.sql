CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE TABLE public.u (id integer PRIMARY KEY);
CREATE PUBLICATION pub FOR TABLE public.t;
