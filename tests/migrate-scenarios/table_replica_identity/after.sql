CREATE TABLE public.t (id integer PRIMARY KEY, name text);
ALTER TABLE public.t REPLICA IDENTITY FULL;
