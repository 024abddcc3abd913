CREATE TABLE public.t (id integer PRIMARY KEY, name text, n integer NOT NULL DEFAULT 0);
