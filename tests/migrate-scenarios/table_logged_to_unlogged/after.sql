CREATE UNLOGGED TABLE public.sessions (
    id integer PRIMARY KEY,
    token text NOT NULL,
    expires_at timestamp with time zone
);
