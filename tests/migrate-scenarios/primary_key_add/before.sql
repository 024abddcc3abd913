CREATE TABLE public.t (id integer NOT NULL, name text);
