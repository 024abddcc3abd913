-- The live database of the editor end-to-end tests: what the workspace declares, plus a
-- hotfix index created in production and never written to source.
CREATE TABLE public.users (id integer PRIMARY KEY, email text NOT NULL);
CREATE INDEX users_email ON public.users (email);
CREATE INDEX idx_emergency_perf ON public.users (id, email);
