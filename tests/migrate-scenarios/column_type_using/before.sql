CREATE TABLE public.t (id integer PRIMARY KEY, code text DEFAULT '0');
INSERT INTO public.t (id, code) VALUES (1, '42'), (2, '-7'), (3, NULL);
INSERT INTO public.t (id) VALUES (4);
