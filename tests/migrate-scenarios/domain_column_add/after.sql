CREATE DOMAIN public.pos AS integer CHECK (VALUE > 0);
CREATE TABLE public.t (id integer PRIMARY KEY, name text, n public.pos);
