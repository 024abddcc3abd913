DO $$ BEGIN CREATE ROLE mig_owner NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE mig_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE SCHEMA app AUTHORIZATION mig_owner;
COMMENT ON SCHEMA app IS 'the app';
GRANT USAGE ON SCHEMA app TO mig_reader;
