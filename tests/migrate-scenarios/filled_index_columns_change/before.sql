CREATE TABLE public.logins (
    id integer PRIMARY KEY,
    user_id integer NOT NULL,
    at timestamp with time zone NOT NULL
);
CREATE INDEX logins_user_idx ON public.logins (user_id);
INSERT INTO public.logins VALUES
    (1, 1, '2024-05-01 08:00+00'),
    (2, 2, '2024-05-01 09:00+00'),
    (3, 1, '2024-05-02 08:00+00'),
    (4, 3, '2024-05-03 10:30+00');
