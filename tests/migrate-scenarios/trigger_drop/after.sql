CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
