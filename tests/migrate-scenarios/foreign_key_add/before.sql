CREATE TABLE public.p (id integer PRIMARY KEY);
CREATE TABLE public.c (id integer PRIMARY KEY, p_id integer);
