CREATE TABLE public.r (id integer, during tsrange, EXCLUDE USING gist (during WITH &&));
