CREATE TABLE public.comments (
    body text NOT NULL,
    author text
);
INSERT INTO public.comments VALUES
    ('first', 'ann'),
    ('second', NULL),
    ('third', 'bob');
