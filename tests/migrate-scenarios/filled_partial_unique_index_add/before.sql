CREATE TABLE public.subscriptions (
    id integer PRIMARY KEY,
    user_id integer NOT NULL,
    active boolean NOT NULL DEFAULT true
);
INSERT INTO public.subscriptions VALUES
    (1, 1, true),
    (2, 1, false),
    (3, 1, false),
    (4, 2, true),
    (5, 3, false);
