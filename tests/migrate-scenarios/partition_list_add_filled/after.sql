CREATE TABLE public.accounts (
    id integer NOT NULL,
    region text NOT NULL,
    name text
) PARTITION BY LIST (region);
CREATE TABLE public.accounts_eu PARTITION OF public.accounts FOR VALUES IN ('de', 'fr', 'it');
CREATE TABLE public.accounts_us PARTITION OF public.accounts FOR VALUES IN ('us');
CREATE TABLE public.accounts_apac PARTITION OF public.accounts FOR VALUES IN ('jp', 'au');
