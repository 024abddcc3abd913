CREATE TABLE public.notes (
    id integer PRIMARY KEY,
    title text NOT NULL,
    body text
);
