CREATE TABLE public.boxes (
    id integer PRIMARY KEY,
    w integer NOT NULL,
    h integer NOT NULL,
    area integer GENERATED ALWAYS AS (w * h) STORED
);
INSERT INTO public.boxes (id, w, h) VALUES
    (1, 2, 3),
    (2, 10, 10),
    (3, 1, 7);
