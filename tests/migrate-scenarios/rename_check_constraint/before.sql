CREATE TABLE public.parcels (
    id integer PRIMARY KEY,
    weight integer CHECK (weight > 0),
    dest text
);
INSERT INTO public.parcels VALUES
    (1, 10, 'Oslo'),
    (2, NULL, 'Rome'),
    (3, 250, NULL);
