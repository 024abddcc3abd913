CREATE TABLE public.measurements (
    id integer PRIMARY KEY,
    reading integer
);
-- Row 3 breaks the CHECK that after.sql adds NOT VALID: the migration must not validate it.
INSERT INTO public.measurements VALUES
    (1, 10),
    (2, NULL),
    (3, -4),
    (4, 0);
