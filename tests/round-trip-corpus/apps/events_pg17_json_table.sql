-- Imitates an analytics ingest service on PostgreSQL 17+: JSON_TABLE views flattening event payloads with NESTED PATH, JSON_VALUE/JSON_QUERY/JSON_EXISTS in generated-free expression indexes, and an identity column on a partitioned table.
-- min-major: 17
CREATE TABLE public.raw_events (
  id bigint GENERATED ALWAYS AS IDENTITY,
  received_at timestamptz NOT NULL DEFAULT now(),
  body jsonb NOT NULL,
  PRIMARY KEY (id, received_at)
) PARTITION BY RANGE (received_at);
CREATE TABLE public.raw_events_2024 PARTITION OF public.raw_events FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00');
CREATE TABLE public.raw_events_default PARTITION OF public.raw_events DEFAULT;
CREATE INDEX raw_events_type_idx ON ONLY public.raw_events ((JSON_VALUE(body, '$.type' RETURNING text)));
CREATE VIEW public.event_items AS
  SELECT e.id, jt.*
  FROM public.raw_events e,
       JSON_TABLE(e.body, '$' COLUMNS (
         event_type text PATH '$.type',
         user_id bigint PATH '$.user.id' DEFAULT -1 ON EMPTY,
         has_items boolean EXISTS PATH '$.items',
         NESTED PATH '$.items[*]' COLUMNS (
           ord FOR ORDINALITY,
           sku text PATH '$.sku',
           qty integer PATH '$.qty' NULL ON ERROR
         )
       )) AS jt;
CREATE VIEW public.event_users AS
  SELECT id, JSON_QUERY(body, '$.user' WITH WRAPPER) AS user_doc, JSON_EXISTS(body, '$.user.email') AS has_email FROM public.raw_events;
