CREATE TABLE public.people (
    id integer PRIMARY KEY,
    name text,
    city text
);
-- pg-flux: renamed from people_name_idx
CREATE INDEX people_lower_name_idx ON public.people (lower(name));
