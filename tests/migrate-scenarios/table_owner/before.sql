DO $$ BEGIN CREATE ROLE mig_owner NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE mig_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE public.t (id integer PRIMARY KEY, name text);
INSERT INTO public.t (id, name) VALUES (1, 'alice'), (2, 'bob'), (3, NULL), (4, 'dora');
