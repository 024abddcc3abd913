CREATE TABLE public.accounts (
    id integer PRIMARY KEY,
    fullname text NOT NULL,
    CONSTRAINT positive CHECK (id > 0)
);
CREATE INDEX accounts_fullname_idx ON public.accounts (fullname);
CREATE VIEW public.account_names AS SELECT id, fullname FROM public.accounts;
INSERT INTO public.accounts VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Edsger');
