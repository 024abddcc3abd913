CREATE PROCEDURE public.pr(a integer) LANGUAGE sql AS $$ SELECT a $$;
