CREATE TABLE public.authors (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE public.books (
    id integer PRIMARY KEY,
    author_id integer,
    title text NOT NULL
);
-- pg-flux: renamed from books_author_id_fkey
ALTER TABLE public.books ADD CONSTRAINT books_author_fk FOREIGN KEY (author_id) REFERENCES public.authors (id) ON DELETE CASCADE;
