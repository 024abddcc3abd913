-- Imitates the trigger zoo of a mature SaaS codebase: updated_at touch triggers via a shared function with arguments, TRUNCATE guards, WHEN (OLD.* IS DISTINCT FROM NEW.*), column-specific UPDATE OF triggers, deferrable constraint triggers, disabled and ENABLE REPLICA/ALWAYS triggers, and row triggers on a partitioned table.
CREATE FUNCTION public.set_timestamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_NARGS > 0 AND TG_ARGV[0] = 'created' AND TG_OP = 'INSERT' THEN
    NEW.created_at := now();
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END $$;
CREATE FUNCTION public.forbid_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'TRUNCATE of % is not allowed', TG_TABLE_NAME; END $$;
CREATE FUNCTION public.bump_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.version := OLD.version + 1; RETURN NEW; END $$;
CREATE FUNCTION public.check_quota() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) FROM public.projects WHERE account_id = NEW.account_id) > 100 THEN
    RAISE EXCEPTION 'project quota exceeded for account %', NEW.account_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TABLE public.accounts (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz, updated_at timestamptz, version integer NOT NULL DEFAULT 0);
CREATE TABLE public.projects (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES public.accounts, name text, settings jsonb, created_at timestamptz, updated_at timestamptz);
CREATE TRIGGER accounts_set_timestamp BEFORE INSERT OR UPDATE ON public.accounts FOR EACH ROW EXECUTE FUNCTION public.set_timestamp('created');
CREATE TRIGGER accounts_bump_version BEFORE UPDATE ON public.accounts FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION public.bump_version();
CREATE TRIGGER accounts_no_truncate BEFORE TRUNCATE ON public.accounts FOR EACH STATEMENT EXECUTE FUNCTION public.forbid_truncate();
CREATE TRIGGER projects_set_timestamp BEFORE UPDATE OF name, settings ON public.projects FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.settings IS DISTINCT FROM NEW.settings) EXECUTE FUNCTION public.set_timestamp();
CREATE CONSTRAINT TRIGGER projects_quota AFTER INSERT ON public.projects DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.check_quota();
CREATE CONSTRAINT TRIGGER projects_quota_immediate AFTER UPDATE OF account_id ON public.projects NOT DEFERRABLE FOR EACH ROW EXECUTE FUNCTION public.check_quota();
CREATE TRIGGER "z_weird name: trigger" AFTER DELETE ON public.projects FOR EACH ROW EXECUTE FUNCTION public.forbid_truncate('it''s', 'two args');
ALTER TABLE public.projects DISABLE TRIGGER "z_weird name: trigger";
ALTER TABLE public.projects ENABLE REPLICA TRIGGER projects_quota_immediate;
ALTER TABLE public.accounts ENABLE ALWAYS TRIGGER accounts_no_truncate;
CREATE TABLE public.activity (account_id bigint NOT NULL, at timestamptz NOT NULL, kind text, created_at timestamptz, updated_at timestamptz) PARTITION BY LIST (kind);
CREATE TABLE public.activity_login PARTITION OF public.activity FOR VALUES IN ('login');
CREATE TABLE public.activity_other PARTITION OF public.activity DEFAULT;
CREATE TRIGGER activity_set_timestamp BEFORE INSERT ON public.activity FOR EACH ROW EXECUTE FUNCTION public.set_timestamp('created');
CREATE TRIGGER activity_login_only AFTER INSERT ON public.activity_login FOR EACH ROW EXECUTE FUNCTION public.set_timestamp();
