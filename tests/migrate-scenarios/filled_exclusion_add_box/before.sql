CREATE TABLE public.tiles (
    id integer PRIMARY KEY,
    area box
);
INSERT INTO public.tiles VALUES
    (1, box(point(0, 0), point(1, 1))),
    (2, box(point(2, 2), point(3, 3))),
    (3, NULL),
    (4, box(point(5, 0), point(6, 1)));
