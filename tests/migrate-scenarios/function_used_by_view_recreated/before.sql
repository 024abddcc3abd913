CREATE FUNCTION public.f(a integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT a + 1 $$;
CREATE VIEW public.fv AS SELECT public.f(1) AS x;
