CREATE TABLE public.users (
    id integer PRIMARY KEY,
    -- pg-flux: renamed from email
    email_address text NOT NULL,
    name text
);
CREATE INDEX users_email_idx ON public.users (email_address);
CREATE VIEW public.user_emails AS SELECT id, email_address FROM public.users;
