CREATE TABLE public.subscriptions (
    id integer PRIMARY KEY,
    user_id integer NOT NULL,
    active boolean NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX subscriptions_one_active ON public.subscriptions (user_id) WHERE active;
