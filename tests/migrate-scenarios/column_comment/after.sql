CREATE TABLE public.t (id integer PRIMARY KEY, name text);
COMMENT ON COLUMN public.t.name IS 'the name';
