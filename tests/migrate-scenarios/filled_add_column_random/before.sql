CREATE TABLE public.samples (
    id integer PRIMARY KEY,
    label text
);
INSERT INTO public.samples VALUES
    (1, 'a'),
    (2, NULL),
    (3, 'c'),
    (4, 'd');
