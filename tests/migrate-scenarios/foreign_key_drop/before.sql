CREATE TABLE public.p (id integer PRIMARY KEY);
CREATE TABLE public.c (id integer PRIMARY KEY, p_id integer);
ALTER TABLE public.c ADD CONSTRAINT c_p_fk FOREIGN KEY (p_id) REFERENCES public.p (id);
INSERT INTO public.p (id) VALUES (1), (2), (3);
INSERT INTO public.c (id, p_id) VALUES (10, 1), (11, 1), (12, 3), (13, NULL);
