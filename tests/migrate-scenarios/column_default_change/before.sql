CREATE TABLE public.t (id integer PRIMARY KEY, at timestamptz DEFAULT now());
