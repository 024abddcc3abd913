CREATE TABLE public.hot_rows (
    id integer PRIMARY KEY,
    counter integer NOT NULL DEFAULT 0,
    note text
) WITH (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.05);
