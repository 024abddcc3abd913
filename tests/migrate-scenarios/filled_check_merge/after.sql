CREATE TABLE public.spans (
    id integer PRIMARY KEY,
    lo integer,
    hi integer,
    CONSTRAINT bounds_ok CHECK (lo >= 0 AND hi >= 0 AND hi >= lo)
);
