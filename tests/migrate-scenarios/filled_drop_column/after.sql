CREATE TABLE public.contacts (
    id integer PRIMARY KEY,
    name text NOT NULL,
    phone text
);
