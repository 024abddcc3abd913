CREATE TYPE public.mood AS ENUM ('sad', 'happy');
CREATE TABLE public.t (id integer PRIMARY KEY, name text);
