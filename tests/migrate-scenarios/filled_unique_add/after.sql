CREATE TABLE public.members (
    id integer PRIMARY KEY,
    email text,
    name text NOT NULL,
    CONSTRAINT members_email_key UNIQUE (email)
);
