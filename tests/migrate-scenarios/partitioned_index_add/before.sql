CREATE TABLE public.m (id integer, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE public.m_2020 PARTITION OF public.m FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
INSERT INTO public.m (id, at) VALUES (1, '2020-01-01'), (2, '2020-06-15'), (NULL, '2020-12-31');
