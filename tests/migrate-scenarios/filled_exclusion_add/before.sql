CREATE TABLE public.reservations (
    id integer PRIMARY KEY,
    room integer NOT NULL,
    during tsrange NOT NULL
);
INSERT INTO public.reservations VALUES
    (1, 101, '[2024-01-01 10:00, 2024-01-01 12:00)'),
    (2, 102, '[2024-01-01 12:00, 2024-01-01 13:00)'),
    (3, 101, '[2024-01-02 09:00, 2024-01-02 17:00)'),
    (4, 103, '[2024-01-03 00:00, 2024-01-04 00:00)');
