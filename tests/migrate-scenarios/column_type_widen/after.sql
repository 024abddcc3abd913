CREATE TABLE public.t (id integer PRIMARY KEY, name varchar(80));
