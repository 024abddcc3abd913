DO $$ BEGIN CREATE ROLE mig_owner NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE mig_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TRUSTED LANGUAGE plmig HANDLER plpgsql_call_handler VALIDATOR plpgsql_validator;
GRANT USAGE ON LANGUAGE plmig TO mig_owner;
CREATE FUNCTION public.double_it(n integer) RETURNS integer LANGUAGE plmig IMMUTABLE
    AS $$ BEGIN RETURN n * 2; END $$;
CREATE TABLE public.numbers (
    id integer PRIMARY KEY,
    n integer,
    doubled integer GENERATED ALWAYS AS (public.double_it(n)) STORED
);
INSERT INTO public.numbers (id, n) VALUES (1, 1), (2, 21);
