CREATE TABLE public.entries (
    id integer PRIMARY KEY,
    created date NOT NULL,
    body text
);
-- pg-flux: renamed from archive_old
CREATE PROCEDURE public.purge_before(cutoff date)
    LANGUAGE sql
    AS $$ DELETE FROM public.entries WHERE created < cutoff $$;
