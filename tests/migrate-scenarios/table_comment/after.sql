CREATE TABLE public.t (id integer PRIMARY KEY, name text);
COMMENT ON TABLE public.t IS 'people';
