CREATE TABLE public.t (id integer NOT NULL PRIMARY KEY, name text);
