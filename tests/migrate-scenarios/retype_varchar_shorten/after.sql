CREATE TABLE public.countries (
    id integer PRIMARY KEY,
    iso character varying(2),
    name text NOT NULL
);
