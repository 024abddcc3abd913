CREATE TABLE public.t (id integer PRIMARY KEY, at timestamptz DEFAULT '2020-01-01');
