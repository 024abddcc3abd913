CREATE TABLE public.tags (
    id integer PRIMARY KEY,
    label text NOT NULL,
    color text
);
INSERT INTO public.tags VALUES
    (1, 'urgent', 'red'),
    (2, 'later', NULL),
    (3, 'twenty-chars-exactly', 'green'),
    (4, 'x', 'blue');
