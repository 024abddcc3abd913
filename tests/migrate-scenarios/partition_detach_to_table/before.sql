CREATE TABLE public.archive (
    id integer,
    at date,
    payload text
) PARTITION BY RANGE (at);
CREATE TABLE public.archive_2020 PARTITION OF public.archive FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE public.archive_2021 PARTITION OF public.archive FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
INSERT INTO public.archive VALUES
    (1, '2020-01-01', 'old'),
    (2, '2020-12-31', NULL),
    (3, '2021-05-05', 'new'),
    (4, '2021-06-06', 'newer');
