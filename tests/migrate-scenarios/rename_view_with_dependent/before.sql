CREATE TABLE public.accounts (
    id integer PRIMARY KEY,
    name text NOT NULL,
    active boolean NOT NULL DEFAULT true
);
CREATE VIEW public.active_accounts AS
    SELECT id, name FROM public.accounts WHERE active;
CREATE VIEW public.active_account_names AS
    SELECT name FROM public.active_accounts ORDER BY name;
INSERT INTO public.accounts VALUES
    (1, 'ann', true),
    (2, 'bob', false),
    (3, 'cy', true);
