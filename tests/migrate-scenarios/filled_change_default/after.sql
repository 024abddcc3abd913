CREATE TABLE public.tickets (
    id integer PRIMARY KEY,
    status text NOT NULL DEFAULT 'new',
    priority integer DEFAULT 5,
    opened_on date
);
