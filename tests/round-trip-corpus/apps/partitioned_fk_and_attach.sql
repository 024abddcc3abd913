-- Imitates an order-management system that partitions orders by list of region: a foreign key referencing the partitioned table, a partition created standalone with a different column order and then attached, a partition with an extra CHECK, and a detached former partition left as a plain table.
CREATE TABLE public.orders (
  region text NOT NULL,
  id bigint NOT NULL,
  customer_id bigint NOT NULL,
  total numeric(12,2) NOT NULL DEFAULT 0,
  placed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, id)
) PARTITION BY LIST (region);
CREATE TABLE public.orders_eu PARTITION OF public.orders FOR VALUES IN ('eu');
CREATE TABLE public.orders_us PARTITION OF public.orders (CONSTRAINT orders_us_total_cap CHECK (total < 1000000)) FOR VALUES IN ('us');
CREATE TABLE public.orders_apac (
  placed_at timestamptz NOT NULL DEFAULT now(),
  total numeric(12,2) NOT NULL DEFAULT 0,
  customer_id bigint NOT NULL,
  id bigint NOT NULL,
  region text NOT NULL
);
ALTER TABLE public.orders ATTACH PARTITION public.orders_apac FOR VALUES IN ('apac', 'oceania');
CREATE TABLE public.orders_legacy PARTITION OF public.orders FOR VALUES IN ('legacy');
ALTER TABLE public.orders DETACH PARTITION public.orders_legacy;
CREATE TABLE public.shipments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_region text NOT NULL,
  order_id bigint NOT NULL,
  shipped_at timestamptz,
  FOREIGN KEY (order_region, order_id) REFERENCES public.orders (region, id) ON DELETE CASCADE
);
CREATE INDEX shipments_order ON public.shipments (order_region, order_id);
CREATE INDEX orders_customer_idx ON ONLY public.orders (customer_id);
CREATE INDEX orders_eu_customer_idx ON public.orders_eu (customer_id);
ALTER INDEX public.orders_customer_idx ATTACH PARTITION public.orders_eu_customer_idx;
ALTER TABLE public.orders_eu SET (fillfactor = 90);
COMMENT ON TABLE public.orders_legacy IS 'detached in 2023, kept for audits';
