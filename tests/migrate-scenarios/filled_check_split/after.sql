CREATE TABLE public.rects (
    id integer PRIMARY KEY,
    w integer NOT NULL,
    h integer NOT NULL,
    CONSTRAINT w_positive CHECK (w > 0),
    CONSTRAINT h_positive CHECK (h > 0)
);
