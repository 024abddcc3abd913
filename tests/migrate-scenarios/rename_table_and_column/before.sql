CREATE TABLE public.staff (
    id integer PRIMARY KEY,
    fullname text,
    dept text
);
CREATE INDEX staff_dept_idx ON public.staff (dept);
INSERT INTO public.staff VALUES
    (1, 'Ann Smith', 'sales'),
    (2, NULL, 'ops'),
    (3, 'Bob Jones', NULL),
    (4, 'Cy Young', 'sales');
