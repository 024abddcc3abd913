CREATE TABLE public.base (id integer, at date);
CREATE TABLE public.child (extra text) INHERITS (public.base);
