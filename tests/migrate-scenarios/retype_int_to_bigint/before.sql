CREATE TABLE public.counters (
    id integer PRIMARY KEY,
    name text NOT NULL,
    hits integer
);
INSERT INTO public.counters VALUES
    (1, 'home', 120),
    (2, 'about', NULL),
    (3, 'blog', 2147483647),
    (4, 'shop', -5);
