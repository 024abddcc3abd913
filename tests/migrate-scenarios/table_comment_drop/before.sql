CREATE TABLE public.t (id integer PRIMARY KEY, name text);
COMMENT ON TABLE public.t IS 'people';
INSERT INTO public.t (id, name) VALUES (1, 'alice'), (2, 'bob'), (3, NULL), (4, 'dora');
