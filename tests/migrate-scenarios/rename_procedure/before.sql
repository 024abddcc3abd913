CREATE TABLE public.entries (
    id integer PRIMARY KEY,
    created date NOT NULL,
    body text
);
CREATE PROCEDURE public.archive_old(cutoff date)
    LANGUAGE sql
    AS $$ DELETE FROM public.entries WHERE created < cutoff $$;
INSERT INTO public.entries VALUES
    (1, '2020-01-01', 'old'),
    (2, '2024-01-01', NULL),
    (3, '2024-06-01', 'new');
