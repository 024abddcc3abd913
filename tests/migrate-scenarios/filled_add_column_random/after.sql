CREATE TABLE public.samples (
    id integer PRIMARY KEY,
    label text,
    weight double precision DEFAULT random()
);
