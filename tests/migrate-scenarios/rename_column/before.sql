CREATE TABLE public.users (
    id integer PRIMARY KEY,
    email text NOT NULL,
    name text
);
CREATE INDEX users_email_idx ON public.users (email);
CREATE VIEW public.user_emails AS SELECT id, email FROM public.users;
INSERT INTO public.users VALUES
    (1, 'ann@example.com', 'Ann'),
    (2, 'bob@example.com', NULL),
    (3, 'cy@example.com', 'Cy');
