-- An order-status enum that grew over releases: values added BEFORE/AFTER, so sort order differs from OID order.
CREATE SCHEMA shop;
CREATE TYPE shop.order_status AS ENUM ('new', 'paid', 'shipped');
ALTER TYPE shop.order_status ADD VALUE 'pending' BEFORE 'paid';
ALTER TYPE shop.order_status ADD VALUE 'delivered' AFTER 'shipped';
ALTER TYPE shop.order_status ADD VALUE 'cancelled';
ALTER TYPE shop.order_status ADD VALUE IF NOT EXISTS 'draft' BEFORE 'new';
ALTER TYPE shop.order_status ADD VALUE 'refunded' AFTER 'delivered';
CREATE TABLE shop.orders (
  id bigint PRIMARY KEY,
  status shop.order_status NOT NULL DEFAULT 'new'
);
COMMENT ON TYPE shop.order_status IS 'lifecycle of an order';
