-- An order table whose columns use enums, composites, arrays of composites and a composite with a domain.
CREATE SCHEMA shop;
CREATE TYPE shop.status AS ENUM ('new', 'paid', 'shipped', 'cancelled');
CREATE TYPE shop.address AS (street text, city varchar(60), zip char(5));
CREATE DOMAIN shop.qty AS int CHECK (VALUE > 0);
CREATE TYPE shop.line AS (sku text, quantity shop.qty, price numeric(10, 2));
CREATE TABLE shop.orders (
    id int PRIMARY KEY,
    status shop.status NOT NULL DEFAULT 'new',
    history shop.status[] DEFAULT '{new}',
    ship_to shop.address,
    lines shop.line[] NOT NULL DEFAULT '{}',
    CONSTRAINT orders_not_cancelled_with_lines CHECK (status <> 'cancelled' OR cardinality(lines) = 0)
);
CREATE INDEX orders_city ON shop.orders (((ship_to).city));
CREATE INDEX orders_open ON shop.orders (id) WHERE status IN ('new', 'paid');
