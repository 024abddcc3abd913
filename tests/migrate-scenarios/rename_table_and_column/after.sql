-- pg-flux: renamed from staff
CREATE TABLE public.employees (
    id integer,
    -- pg-flux: renamed from fullname
    full_name text,
    dept text,
    CONSTRAINT staff_pkey PRIMARY KEY (id)
);
CREATE INDEX staff_dept_idx ON public.employees (dept);
