CREATE TABLE public.t (id integer PRIMARY KEY, code integer DEFAULT 0);
