CREATE TABLE public.bookings (
    id integer PRIMARY KEY,
    guest text NOT NULL,
    day timestamp without time zone NOT NULL
);
