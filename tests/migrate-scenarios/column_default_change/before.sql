CREATE TABLE public.t (id integer PRIMARY KEY, at timestamptz DEFAULT now());
INSERT INTO public.t (id, at) VALUES (1, '2019-06-01 12:00:00+00'), (2, NULL), (3, '2021-03-04 05:06:07+00');
INSERT INTO public.t (id) VALUES (4);
