-- Imitates a long-lived order-tracking app whose enums grew by migrations: ALTER TYPE ADD VALUE BEFORE/AFTER (non-monotonic sort order), RENAME VALUE, enum arrays, enum-typed defaults and enum comparisons in indexes and checks.
CREATE TYPE public.order_status AS ENUM ('pending', 'paid', 'shipped', 'delivered');
ALTER TYPE public.order_status ADD VALUE 'cancelled';
ALTER TYPE public.order_status ADD VALUE 'packed' BEFORE 'shipped';
ALTER TYPE public.order_status ADD VALUE 'awaiting_payment' AFTER 'pending';
ALTER TYPE public.order_status ADD VALUE IF NOT EXISTS 'returned' AFTER 'delivered';
ALTER TYPE public.order_status RENAME VALUE 'paid' TO 'payment_received';
CREATE TYPE public.channel AS ENUM ('web', 'ios', 'android', 'pos');
ALTER TYPE public.channel ADD VALUE 'api' BEFORE 'web';
CREATE TYPE public."Priority Level" AS ENUM ('low', 'Normal', 'HIGH', 'urgent!');
CREATE TABLE public.orders (
  id bigserial PRIMARY KEY,
  status public.order_status NOT NULL DEFAULT 'pending',
  channel public.channel NOT NULL DEFAULT 'web',
  allowed_channels public.channel[] NOT NULL DEFAULT '{web,ios}',
  priority public."Priority Level" DEFAULT 'Normal',
  CONSTRAINT orders_not_returned_from_pos CHECK (NOT (channel = 'pos' AND status = 'returned'))
);
CREATE INDEX orders_open_idx ON public.orders (id) WHERE status < 'delivered';
CREATE INDEX orders_status_channel ON public.orders (status, channel);
CREATE TABLE public.order_status_history (
  order_id bigint NOT NULL REFERENCES public.orders ON DELETE CASCADE,
  from_status public.order_status,
  to_status public.order_status NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_status IS DISTINCT FROM to_status)
);
CREATE FUNCTION public.next_status(s public.order_status) RETURNS public.order_status LANGUAGE sql IMMUTABLE AS $$
  SELECT e FROM unnest(enum_range(s, NULL)) e WHERE e > s ORDER BY e LIMIT 1
$$;
CREATE VIEW public.status_counts AS SELECT status, count(*) FROM public.orders GROUP BY status ORDER BY status;
COMMENT ON TYPE public.order_status IS 'lifecycle; values were added out of order over the years';
