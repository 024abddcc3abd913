CREATE TABLE public.authors (
    id bigint PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE public.books (
    id integer PRIMARY KEY,
    author_id bigint REFERENCES public.authors (id),
    title text NOT NULL
);
