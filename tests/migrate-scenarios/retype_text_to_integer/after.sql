CREATE TABLE public.readings (
    id integer PRIMARY KEY,
    sensor text NOT NULL,
    reading integer
);
