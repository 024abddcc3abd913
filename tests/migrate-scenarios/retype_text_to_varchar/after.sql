CREATE TABLE public.tags (
    id integer PRIMARY KEY,
    label character varying(20) NOT NULL,
    color text
);
