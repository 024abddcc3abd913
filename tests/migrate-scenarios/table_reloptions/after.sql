CREATE TABLE public.t (id integer PRIMARY KEY, name text) WITH (fillfactor = 70);
