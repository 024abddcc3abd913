CREATE TABLE public.items (
    id integer,
    name text
);
INSERT INTO public.items VALUES
    (1, 'hammer'),
    (2, NULL),
    (3, 'saw'),
    (4, 'drill');
