CREATE TABLE public.archive (
    id integer,
    at date,
    payload text
) PARTITION BY RANGE (at);
CREATE TABLE public.archive_2021 PARTITION OF public.archive FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
CREATE TABLE public.archive_2020 (
    id integer,
    at date,
    payload text
);
