DO $$ BEGIN CREATE ROLE mig_owner NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE mig_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TYPE public.mood AS ENUM ('a');
ALTER TYPE public.mood OWNER TO mig_owner;
REVOKE USAGE ON TYPE public.mood FROM PUBLIC;
