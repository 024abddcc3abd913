CREATE TABLE public.accounts (
    id integer PRIMARY KEY,
    owner text
);
INSERT INTO public.accounts VALUES
    (1, 'ann'),
    (2, NULL),
    (3, 'bob'),
    (4, 'cy');
