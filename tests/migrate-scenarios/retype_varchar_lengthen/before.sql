CREATE TABLE public.users (
    id integer PRIMARY KEY,
    nick character varying(10) NOT NULL,
    city character varying(10)
);
INSERT INTO public.users VALUES
    (1, 'ann', 'Oslo'),
    (2, 'bob', NULL),
    (3, 'carolina12', 'Amsterdam'),
    (4, 'dee', 'Rome');
