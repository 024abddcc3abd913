CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER t_touch BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION public.touch();
INSERT INTO public.t (id, name) VALUES (1, 'alice'), (2, 'bob'), (3, NULL), (4, 'dora');
