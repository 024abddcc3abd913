CREATE TABLE public.visits (
    id integer PRIMARY KEY,
    page text NOT NULL
);
INSERT INTO public.visits VALUES
    (1, '/'),
    (2, '/about'),
    (3, '/blog'),
    (4, '/');
