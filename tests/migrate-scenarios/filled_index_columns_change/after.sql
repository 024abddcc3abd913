CREATE TABLE public.logins (
    id integer PRIMARY KEY,
    user_id integer NOT NULL,
    at timestamp with time zone NOT NULL
);
CREATE INDEX logins_user_idx ON public.logins (user_id, at DESC);
