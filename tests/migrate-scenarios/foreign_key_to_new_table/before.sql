CREATE TABLE public.c (id integer PRIMARY KEY, p_id integer);
