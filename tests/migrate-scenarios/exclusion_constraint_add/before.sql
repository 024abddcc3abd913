CREATE TABLE public.r (id integer, during tsrange);
