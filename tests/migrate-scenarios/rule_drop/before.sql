CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE TABLE public.log (id integer);
CREATE RULE t_log AS ON INSERT TO public.t DO ALSO INSERT INTO public.log VALUES (NEW.id);
