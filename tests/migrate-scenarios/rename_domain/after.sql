-- pg-flux: renamed from posint
CREATE DOMAIN public.positive_int AS integer CONSTRAINT value_positive CHECK (VALUE > 0);
CREATE TABLE public.boxes (
    id integer PRIMARY KEY,
    qty public.positive_int,
    label text
);
