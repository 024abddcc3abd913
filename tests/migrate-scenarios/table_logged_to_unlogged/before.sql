CREATE TABLE public.sessions (
    id integer PRIMARY KEY,
    token text NOT NULL,
    expires_at timestamp with time zone
);
INSERT INTO public.sessions VALUES
    (1, 'tok-a', '2030-01-01 00:00+00'),
    (2, 'tok-b', NULL),
    (3, 'tok-c', '2031-06-30 12:00+00');
