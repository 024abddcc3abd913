CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE SEQUENCE public.s OWNED BY public.t.id;
