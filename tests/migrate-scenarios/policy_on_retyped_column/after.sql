CREATE TABLE public.t (id integer PRIMARY KEY, name varchar(40));
CREATE POLICY own ON public.t USING (name <> 'x');
