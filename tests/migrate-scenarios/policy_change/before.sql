CREATE TABLE public.t (id integer PRIMARY KEY, name text);
CREATE POLICY own ON public.t USING (id > 0);
