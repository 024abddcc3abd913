-- Imitates a Rails/Django app's performance-tuned tables: UNLOGGED cache and session tables, fillfactor/autovacuum/toast reloptions, column STORAGE and n_distinct settings, index reloptions and a CLUSTER ON index.
CREATE UNLOGGED TABLE public.solid_cache_entries (
  id bigserial PRIMARY KEY,
  key bytea NOT NULL,
  value bytea NOT NULL,
  created_at timestamp(6) NOT NULL,
  key_hash bigint NOT NULL,
  byte_size integer NOT NULL
) WITH (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);
CREATE UNIQUE INDEX index_solid_cache_entries_on_key_hash ON public.solid_cache_entries (key_hash) WITH (fillfactor = 90);
CREATE INDEX index_solid_cache_entries_on_byte_size ON public.solid_cache_entries (byte_size);
CREATE UNLOGGED TABLE public.rate_limits (bucket text PRIMARY KEY, tokens integer NOT NULL, refilled_at timestamptz NOT NULL) WITH (fillfactor = 50);
CREATE TABLE public.hot_counters (
  id integer PRIMARY KEY,
  hits bigint NOT NULL DEFAULT 0,
  updated_at timestamptz
) WITH (fillfactor = 60, autovacuum_vacuum_cost_delay = 0, autovacuum_vacuum_threshold = 100, toast_tuple_target = 256);
CREATE TABLE public.documents (
  id bigserial PRIMARY KEY,
  title text NOT NULL,
  body text,
  raw bytea,
  meta jsonb
) WITH (toast.autovacuum_enabled = false, parallel_workers = 4);
ALTER TABLE public.documents ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE public.documents ALTER COLUMN raw SET STORAGE MAIN;
ALTER TABLE public.documents ALTER COLUMN meta SET STORAGE EXTENDED;
ALTER TABLE public.documents ALTER COLUMN title SET (n_distinct = -1);
ALTER TABLE public.documents ALTER COLUMN title SET STATISTICS 250;
CREATE INDEX documents_title_idx ON public.documents (title) WITH (deduplicate_items = off);
CREATE INDEX documents_meta_idx ON public.documents USING gin (meta) WITH (fastupdate = true, gin_pending_list_limit = 1024);
ALTER TABLE public.documents CLUSTER ON documents_title_idx;
CREATE INDEX documents_id_hash ON public.documents USING hash (id) WITH (fillfactor = 80);
CREATE TABLE public.append_only_log (at timestamptz NOT NULL DEFAULT now(), line text) WITH (autovacuum_enabled = false, autovacuum_freeze_min_age = 1000000);
CREATE INDEX append_only_log_at_brin ON public.append_only_log USING brin (at) WITH (pages_per_range = 64, autosummarize = on);
