CREATE TABLE public.m (id integer, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE public.m_2020 PARTITION OF public.m FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE INDEX m_at ON public.m (at);
