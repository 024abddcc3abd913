CREATE TABLE public.members (
    id integer PRIMARY KEY,
    email text,
    name text NOT NULL
);
INSERT INTO public.members VALUES
    (1, 'ann@example.com', 'Ann'),
    (2, NULL, 'Bob'),
    (3, 'cy@example.com', 'Cy'),
    (4, NULL, 'Dee');
