-- Imitates a zero-downtime migration mid-flight (strong_migrations / pg-osc style): NOT VALID foreign keys and checks, a validated check, a unique index built first and then promoted to a constraint with USING INDEX, and a shadow column with a sync trigger.
CREATE TABLE public.accounts (id bigint PRIMARY KEY, email text, plan text);
CREATE TABLE public.invoices (
  id bigint PRIMARY KEY,
  account_id bigint,
  amount_cents integer,
  amount_cents_big bigint,
  currency text
);
ALTER TABLE public.invoices ADD CONSTRAINT invoices_account_id_fk FOREIGN KEY (account_id) REFERENCES public.accounts (id) NOT VALID;
ALTER TABLE public.invoices ADD CONSTRAINT invoices_amount_not_null CHECK (amount_cents IS NOT NULL) NOT VALID;
ALTER TABLE public.invoices ADD CONSTRAINT invoices_currency_check CHECK (currency IN ('USD', 'EUR', 'GBP')) NOT VALID;
ALTER TABLE public.invoices VALIDATE CONSTRAINT invoices_currency_check;
CREATE UNIQUE INDEX accounts_email_idx ON public.accounts (email);
ALTER TABLE public.accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_idx;
CREATE UNIQUE INDEX invoices_account_id_id ON public.invoices (account_id, id);
CREATE FUNCTION public.invoices_sync_amount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.amount_cents_big := NEW.amount_cents;
  RETURN NEW;
END $$;
CREATE TRIGGER invoices_sync_amount BEFORE INSERT OR UPDATE OF amount_cents ON public.invoices FOR EACH ROW EXECUTE FUNCTION public.invoices_sync_amount();
CREATE TABLE public.subscriptions (id bigint, account_id bigint NOT NULL, started_on date NOT NULL);
CREATE UNIQUE INDEX CONCURRENTLY subscriptions_id_idx ON public.subscriptions (id);
ALTER TABLE public.subscriptions ADD CONSTRAINT subscriptions_pkey PRIMARY KEY USING INDEX subscriptions_id_idx;
ALTER TABLE public.subscriptions ADD CONSTRAINT subscriptions_account_fk FOREIGN KEY (account_id) REFERENCES public.accounts ON DELETE CASCADE NOT VALID;
ALTER TABLE public.accounts ADD CONSTRAINT accounts_plan_check CHECK (plan <> '') NOT VALID;
