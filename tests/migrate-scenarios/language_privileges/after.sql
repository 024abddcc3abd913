-- The language's privileges change in place (PUBLIC loses USAGE, one role loses it, another
-- gains it, and a comment): the function in it and the table using that stay, rows and all.
DO $$ BEGIN CREATE ROLE mig_owner NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE mig_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TRUSTED LANGUAGE plmig HANDLER plpgsql_call_handler VALIDATOR plpgsql_validator;
REVOKE USAGE ON LANGUAGE plmig FROM PUBLIC;
GRANT USAGE ON LANGUAGE plmig TO mig_reader;
COMMENT ON LANGUAGE plmig IS 'for numbers';
CREATE FUNCTION public.double_it(n integer) RETURNS integer LANGUAGE plmig IMMUTABLE
    AS $$ BEGIN RETURN n * 2; END $$;
CREATE TABLE public.numbers (
    id integer PRIMARY KEY,
    n integer,
    doubled integer GENERATED ALWAYS AS (public.double_it(n)) STORED
);
