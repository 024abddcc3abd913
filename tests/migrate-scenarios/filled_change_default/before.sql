CREATE TABLE public.tickets (
    id integer PRIMARY KEY,
    status text NOT NULL DEFAULT 'open',
    priority integer DEFAULT 3,
    opened_on date DEFAULT CURRENT_DATE
);
INSERT INTO public.tickets VALUES
    (1, 'open', 3, '2024-01-01'),
    (2, 'closed', NULL, '2024-01-02'),
    (3, 'open', 1, NULL),
    (4, 'waiting', 5, '2024-03-03');
