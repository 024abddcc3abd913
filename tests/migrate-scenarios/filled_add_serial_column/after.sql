CREATE TABLE public.comments (
    body text NOT NULL,
    author text,
    id serial NOT NULL
);
