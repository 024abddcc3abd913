CREATE TYPE public.mood AS ENUM ('sad', 'happy', 'calm');
CREATE TABLE public.t (id integer PRIMARY KEY, m public.mood DEFAULT 'calm');
