-- Imitates a Debezium / logical-replication CDC setup available on every major: a FOR TABLE publication for the outbox, an insert-only publication, a FOR ALL TABLES publication for a replica and tables with REPLICA IDENTITY settings.
CREATE SCHEMA outbox;
CREATE TABLE outbox.events (
  id uuid PRIMARY KEY,
  aggregatetype varchar(255) NOT NULL,
  aggregateid varchar(255) NOT NULL,
  type varchar(255) NOT NULL,
  payload jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE public.customers (id bigint PRIMARY KEY, email text NOT NULL, name text);
CREATE TABLE public.orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES public.customers, total numeric(12,2), status text);
ALTER TABLE public.orders REPLICA IDENTITY FULL;
CREATE TABLE public.order_notes (order_id bigint NOT NULL, note_no int NOT NULL, body text);
CREATE UNIQUE INDEX order_notes_key ON public.order_notes (order_id, note_no);
ALTER TABLE public.order_notes ALTER COLUMN note_no SET NOT NULL;
ALTER TABLE public.order_notes ALTER COLUMN order_id SET NOT NULL;
ALTER TABLE public.order_notes REPLICA IDENTITY USING INDEX order_notes_key;
CREATE TABLE public.audit_log (id bigserial, msg text);
ALTER TABLE public.audit_log REPLICA IDENTITY NOTHING;
CREATE PUBLICATION dbz_outbox FOR TABLE outbox.events WITH (publish = 'insert');
CREATE PUBLICATION dbz_orders FOR TABLE public.customers, public.orders, public.order_notes;
ALTER PUBLICATION dbz_orders SET (publish = 'insert, update, delete', publish_via_partition_root = false);
CREATE PUBLICATION replica_all FOR ALL TABLES WITH (publish = 'insert, update, delete, truncate');
CREATE PUBLICATION "Empty Publication";
COMMENT ON PUBLICATION dbz_outbox IS 'outbox events for Debezium''s outbox router';
