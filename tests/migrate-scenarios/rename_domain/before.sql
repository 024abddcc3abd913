CREATE DOMAIN public.posint AS integer CONSTRAINT value_positive CHECK (VALUE > 0);
CREATE TABLE public.boxes (
    id integer PRIMARY KEY,
    qty public.posint,
    label text
);
INSERT INTO public.boxes VALUES
    (1, 3, 'a'),
    (2, NULL, 'b'),
    (3, 100, NULL);
