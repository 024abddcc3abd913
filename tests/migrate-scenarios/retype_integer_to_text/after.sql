CREATE TABLE public.codes (
    id integer PRIMARY KEY,
    label text,
    code text
);
