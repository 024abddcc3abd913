CREATE TABLE public.reservations (
    id integer PRIMARY KEY,
    room integer NOT NULL,
    during tsrange NOT NULL,
    CONSTRAINT reservations_no_overlap EXCLUDE USING gist (during WITH &&)
);
