CREATE TABLE public.bookings (
    id integer PRIMARY KEY,
    guest text NOT NULL,
    day date NOT NULL
);
INSERT INTO public.bookings VALUES
    (1, 'ann', '2024-02-29'),
    (2, 'bob', '2023-12-31'),
    (3, 'cy', '2000-01-01'),
    (4, 'dee', '2025-06-15');
