CREATE TABLE public.notes (
    id integer PRIMARY KEY,
    title character varying(50) NOT NULL,
    body character varying
);
INSERT INTO public.notes VALUES
    (1, 'groceries', 'milk, eggs'),
    (2, 'todo', NULL),
    (3, 'ideas', 'a much longer body of text that goes on'),
    (4, 'empty', '');
