DO $$ BEGIN CREATE ROLE mig_owner NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE mig_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE FUNCTION public.f(a integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT a + 1 $$;
REVOKE EXECUTE ON FUNCTION public.f(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.f(integer) TO mig_reader;
COMMENT ON FUNCTION public.f(integer) IS 'adds one';
