CREATE TABLE public.events (
    id integer PRIMARY KEY,
    kind text NOT NULL,
    happened_at timestamp without time zone
);
INSERT INTO public.events VALUES
    (1, 'login', '2024-01-15 08:30:00'),
    (2, 'logout', '2024-01-15 17:45:12.5'),
    (3, 'crash', NULL),
    (4, 'login', '1999-12-31 23:59:59');
