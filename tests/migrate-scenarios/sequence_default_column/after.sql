CREATE SEQUENCE public.s;
CREATE TABLE public.t (id integer PRIMARY KEY DEFAULT nextval('public.s'), name text);
