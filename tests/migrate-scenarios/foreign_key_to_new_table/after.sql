CREATE TABLE public.p (id integer PRIMARY KEY);
CREATE TABLE public.c (id integer PRIMARY KEY, p_id integer);
ALTER TABLE public.c ADD CONSTRAINT c_p_fk FOREIGN KEY (p_id) REFERENCES public.p (id);
