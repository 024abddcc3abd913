CREATE TYPE public.pair AS (a integer, b integer);
CREATE TABLE public.points (
    id integer PRIMARY KEY,
    xy public.pair
);
INSERT INTO public.points VALUES
    (1, ROW(1, 2)),
    (2, NULL),
    (3, ROW(-5, NULL)),
    (4, ROW(0, 0));
