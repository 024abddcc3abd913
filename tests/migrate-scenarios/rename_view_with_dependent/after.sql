CREATE TABLE public.accounts (
    id integer PRIMARY KEY,
    name text NOT NULL,
    active boolean NOT NULL DEFAULT true
);
-- pg-flux: renamed from active_accounts
CREATE VIEW public.current_accounts AS
    SELECT id, name FROM public.accounts WHERE active;
CREATE VIEW public.active_account_names AS
    SELECT name FROM public.current_accounts ORDER BY name;
