CREATE TABLE public.profiles (
    id integer PRIMARY KEY,
    handle text NOT NULL,
    country text
);
INSERT INTO public.profiles VALUES
    (1, 'ann', 'NO'),
    (2, 'bob', NULL),
    (3, 'cy', 'IT'),
    (4, 'dee', NULL);
