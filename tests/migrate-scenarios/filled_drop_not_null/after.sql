CREATE TABLE public.people (
    id integer PRIMARY KEY,
    nickname text,
    born date NOT NULL
);
