-- Imitates an append-only click-stream table on PostgreSQL 14+: BRIN minmax-multi and bloom operator classes with parameters, a plain BRIN on a partitioned child, and a covering btree for the hot path.
-- min-major: 14
CREATE TABLE public.clicks (
  id bigint GENERATED ALWAYS AS IDENTITY,
  session_id uuid NOT NULL,
  url_hash bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
) PARTITION BY RANGE (created_at);
CREATE TABLE public.clicks_2024 PARTITION OF public.clicks FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00');
CREATE INDEX clicks_2024_created_brin ON public.clicks_2024 USING brin (created_at timestamptz_minmax_multi_ops (values_per_range = 16)) WITH (pages_per_range = 16);
CREATE INDEX clicks_2024_url_bloom ON public.clicks_2024 USING brin (url_hash int8_bloom_ops (n_distinct_per_range = 100, false_positive_rate = 0.05));
CREATE INDEX clicks_2024_session_uuid_bloom ON public.clicks_2024 USING brin (session_id uuid_bloom_ops);
CREATE INDEX clicks_2024_session ON public.clicks_2024 (session_id) INCLUDE (created_at);
