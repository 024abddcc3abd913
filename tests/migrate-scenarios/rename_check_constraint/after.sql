CREATE TABLE public.parcels (
    id integer PRIMARY KEY,
    weight integer,
    dest text,
    -- pg-flux: renamed from parcels_weight_check
    CONSTRAINT weight_positive CHECK (weight > 0)
);
