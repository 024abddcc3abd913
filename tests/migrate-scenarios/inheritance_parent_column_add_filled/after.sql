CREATE TABLE public.vehicles (
    id integer NOT NULL,
    make text,
    color text DEFAULT 'white'
);
CREATE TABLE public.trucks (
    payload integer
) INHERITS (public.vehicles);
