CREATE TABLE public.devices (
    id integer PRIMARY KEY,
    name text NOT NULL,
    uid uuid NOT NULL DEFAULT gen_random_uuid()
);
