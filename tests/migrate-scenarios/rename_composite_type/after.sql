-- pg-flux: renamed from pair
CREATE TYPE public.int_pair AS (a integer, b integer);
CREATE TABLE public.points (
    id integer PRIMARY KEY,
    xy public.int_pair
);
