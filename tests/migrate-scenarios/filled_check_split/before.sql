CREATE TABLE public.rects (
    id integer PRIMARY KEY,
    w integer NOT NULL,
    h integer NOT NULL,
    CONSTRAINT rects_positive CHECK (w > 0 AND h > 0)
);
INSERT INTO public.rects VALUES
    (1, 1, 1),
    (2, 20, 5),
    (3, 3, 400);
