CREATE TABLE public.codes (
    id integer PRIMARY KEY,
    label text,
    code integer
);
INSERT INTO public.codes VALUES
    (1, 'seven', 7),
    (2, 'answer', 42),
    (3, NULL, NULL),
    (4, 'minus', -1);
