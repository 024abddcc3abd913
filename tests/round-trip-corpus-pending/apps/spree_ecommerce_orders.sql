-- Imitates Spree Commerce: spree_products/variants/prices/stock_items/orders/line_items/adjustments with decimal(10,2) money, soft-delete deleted_at partial uniques, polymorphic adjustable columns, and a couple of reporting views.
CREATE TABLE public.spree_products (
  id bigserial PRIMARY KEY,
  name varchar DEFAULT '' NOT NULL,
  description text,
  available_on timestamp,
  deleted_at timestamp,
  slug varchar,
  meta_description text,
  tax_category_id bigint,
  shipping_category_id bigint,
  created_at timestamp(6) NOT NULL,
  updated_at timestamp(6) NOT NULL,
  promotionable boolean DEFAULT true,
  discontinue_on timestamp,
  status varchar DEFAULT 'draft' NOT NULL,
  public_metadata jsonb,
  private_metadata jsonb
);
CREATE UNIQUE INDEX index_spree_products_on_slug ON public.spree_products (slug);
CREATE INDEX index_spree_products_on_available_on ON public.spree_products (available_on);
CREATE INDEX index_spree_products_on_deleted_at ON public.spree_products (deleted_at);
CREATE INDEX index_spree_products_on_name ON public.spree_products (name);
CREATE INDEX index_spree_products_on_status_and_deleted_at ON public.spree_products (status, deleted_at);
CREATE TABLE public.spree_variants (
  id bigserial PRIMARY KEY,
  sku varchar DEFAULT '' NOT NULL,
  weight numeric(8,2) DEFAULT 0.0,
  height numeric(8,2),
  width numeric(8,2),
  depth numeric(8,2),
  deleted_at timestamp,
  is_master boolean DEFAULT false,
  product_id bigint REFERENCES public.spree_products,
  cost_price numeric(10,2),
  position integer,
  cost_currency varchar,
  track_inventory boolean DEFAULT true,
  updated_at timestamp(6) NOT NULL,
  created_at timestamp(6) NOT NULL
);
CREATE INDEX index_spree_variants_on_product_id ON public.spree_variants (product_id);
CREATE INDEX index_spree_variants_on_sku ON public.spree_variants (sku);
CREATE UNIQUE INDEX index_spree_variants_on_sku_live ON public.spree_variants (sku) WHERE deleted_at IS NULL AND sku <> '';
CREATE TABLE public.spree_prices (
  id bigserial PRIMARY KEY,
  variant_id bigint NOT NULL REFERENCES public.spree_variants,
  amount numeric(10,2),
  currency varchar,
  deleted_at timestamp,
  compare_at_amount numeric(10,2),
  created_at timestamp(6) NOT NULL,
  updated_at timestamp(6) NOT NULL
);
CREATE INDEX index_spree_prices_on_variant_id_and_currency ON public.spree_prices (variant_id, currency);
CREATE TABLE public.spree_orders (
  id bigserial PRIMARY KEY,
  number varchar(32),
  item_total numeric(10,2) DEFAULT 0.0 NOT NULL,
  total numeric(10,2) DEFAULT 0.0 NOT NULL,
  state varchar,
  adjustment_total numeric(10,2) DEFAULT 0.0 NOT NULL,
  user_id bigint,
  completed_at timestamp,
  payment_total numeric(10,2) DEFAULT 0.0,
  shipment_state varchar,
  payment_state varchar,
  email varchar,
  currency varchar,
  token varchar,
  channel varchar DEFAULT 'spree',
  item_count integer DEFAULT 0,
  created_at timestamp(6) NOT NULL,
  updated_at timestamp(6) NOT NULL
);
CREATE UNIQUE INDEX index_spree_orders_on_number ON public.spree_orders (number);
CREATE INDEX index_spree_orders_on_completed_at ON public.spree_orders (completed_at);
CREATE INDEX index_spree_orders_on_user_id_and_created_by_id ON public.spree_orders (user_id);
CREATE INDEX index_spree_orders_on_token ON public.spree_orders (token);
CREATE TABLE public.spree_line_items (
  id bigserial PRIMARY KEY,
  variant_id bigint REFERENCES public.spree_variants,
  order_id bigint REFERENCES public.spree_orders,
  quantity integer NOT NULL,
  price numeric(10,2) NOT NULL,
  cost_price numeric(10,2),
  currency varchar,
  adjustment_total numeric(10,2) DEFAULT 0.0,
  created_at timestamp(6) NOT NULL,
  updated_at timestamp(6) NOT NULL
);
CREATE INDEX index_spree_line_items_on_order_id ON public.spree_line_items (order_id);
CREATE INDEX index_spree_line_items_on_variant_id ON public.spree_line_items (variant_id);
CREATE TABLE public.spree_adjustments (
  id bigserial PRIMARY KEY,
  source_type varchar,
  source_id bigint,
  adjustable_type varchar,
  adjustable_id bigint,
  amount numeric(10,2),
  label varchar,
  mandatory boolean,
  eligible boolean DEFAULT true,
  state varchar,
  order_id bigint NOT NULL REFERENCES public.spree_orders,
  included boolean DEFAULT false,
  created_at timestamp(6) NOT NULL,
  updated_at timestamp(6) NOT NULL
);
CREATE INDEX index_spree_adjustments_on_adjustable_id_and_adjustable_type ON public.spree_adjustments (adjustable_id, adjustable_type);
CREATE INDEX index_spree_adjustments_on_eligible ON public.spree_adjustments (eligible);
CREATE INDEX index_spree_adjustments_on_source_id_and_source_type ON public.spree_adjustments (source_id, source_type);
CREATE VIEW public.spree_sales_by_day AS
  SELECT date_trunc('day', completed_at)::date AS day, currency, count(*) AS orders, sum(total) AS revenue
  FROM public.spree_orders WHERE completed_at IS NOT NULL AND state = 'complete' GROUP BY 1, 2;
