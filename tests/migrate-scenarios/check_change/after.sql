CREATE TABLE public.t (id integer PRIMARY KEY, name text, CONSTRAINT name_len CHECK (length(name) < 20));
