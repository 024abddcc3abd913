CREATE TABLE public.clients (
    id integer PRIMARY KEY,
    email text UNIQUE,
    score integer CHECK (score >= 0)
);
CREATE INDEX clients_score_idx ON public.clients (score);
CREATE TABLE public.invoices (
    id integer PRIMARY KEY,
    client_id integer REFERENCES public.clients (id),
    total numeric(10,2)
);
INSERT INTO public.clients VALUES
    (1, 'ann@example.com', 10),
    (2, NULL, 0),
    (3, 'bob@example.com', NULL);
INSERT INTO public.invoices VALUES
    (100, 1, 20.00),
    (101, 1, NULL),
    (102, NULL, 5.00),
    (103, 3, 7.25);
