CREATE TABLE public.authors (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE public.books (
    id integer PRIMARY KEY,
    author_id integer REFERENCES public.authors (id) ON DELETE CASCADE,
    title text NOT NULL
);
INSERT INTO public.authors VALUES
    (1, 'Austen'),
    (2, 'Borges');
INSERT INTO public.books VALUES
    (10, 1, 'Emma'),
    (11, 2, 'Ficciones'),
    (12, NULL, 'Beowulf');
