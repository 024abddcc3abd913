CREATE TYPE public.mood AS ENUM ('sad', 'happy');
CREATE TABLE public.t (id integer PRIMARY KEY);
INSERT INTO public.t (id) VALUES (1), (2), (3);
