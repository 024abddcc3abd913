CREATE TABLE public.base (id integer);
CREATE TABLE public.child (extra text) INHERITS (public.base);
