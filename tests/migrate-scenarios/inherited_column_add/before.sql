CREATE TABLE public.base (id integer);
CREATE TABLE public.child (extra text) INHERITS (public.base);
INSERT INTO public.base (id) VALUES (1), (2), (NULL);
INSERT INTO public.child (id, extra) VALUES (10, 'x'), (11, NULL), (12, 'zz');
