CREATE TABLE public.people (
    id integer PRIMARY KEY,
    name text,
    city text
);
CREATE INDEX people_name_idx ON public.people (lower(name));
INSERT INTO public.people VALUES
    (1, 'Ann', 'Oslo'),
    (2, NULL, 'Rome'),
    (3, 'Bob', NULL);
