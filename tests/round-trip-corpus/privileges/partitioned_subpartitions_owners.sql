-- Two-level partitioning where each level has its own owner and grants, and the leaf grants differ from their parents.
-- roles: pv_sub_top, pv_sub_mid, pv_sub_reader
CREATE TABLE public.m (region text NOT NULL, at date NOT NULL, n int) PARTITION BY LIST (region);
ALTER TABLE public.m OWNER TO pv_sub_top;
CREATE TABLE public.m_eu PARTITION OF public.m FOR VALUES IN ('eu') PARTITION BY RANGE (at);
ALTER TABLE public.m_eu OWNER TO pv_sub_mid;
CREATE TABLE public.m_eu_2024 PARTITION OF public.m_eu FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.m_us PARTITION OF public.m FOR VALUES IN ('us');
GRANT SELECT ON public.m TO pv_sub_reader;
GRANT SELECT (region, n) ON public.m_eu TO pv_sub_reader;
GRANT UPDATE (n) ON public.m_eu_2024 TO pv_sub_reader;
GRANT ALL ON public.m_us TO pv_sub_mid;
