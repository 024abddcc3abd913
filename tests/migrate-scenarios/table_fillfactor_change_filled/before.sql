CREATE TABLE public.hot_rows (
    id integer PRIMARY KEY,
    counter integer NOT NULL DEFAULT 0,
    note text
) WITH (fillfactor = 90);
INSERT INTO public.hot_rows VALUES
    (1, 5, 'x'),
    (2, 0, NULL),
    (3, 42, 'y');
