-- One schema whose objects belong to several roles: tables, a view over another owner's table, a matview, sequences, functions, types.
-- roles: pv_own_a, pv_own_b, pv_own_c
CREATE SCHEMA shop;
CREATE TABLE shop.products (id int PRIMARY KEY, name text);
ALTER TABLE shop.products OWNER TO pv_own_a;
CREATE TABLE shop.orders (id serial PRIMARY KEY, product int REFERENCES shop.products);
ALTER TABLE shop.orders OWNER TO pv_own_b;
CREATE VIEW shop.order_names AS SELECT o.id, p.name FROM shop.orders o JOIN shop.products p ON p.id = o.product;
ALTER VIEW shop.order_names OWNER TO pv_own_c;
GRANT SELECT ON shop.orders TO pv_own_c;
GRANT SELECT ON shop.products TO pv_own_c;
GRANT USAGE ON SCHEMA shop TO pv_own_c;
CREATE MATERIALIZED VIEW shop.product_count AS SELECT count(*) AS n FROM shop.products;
ALTER MATERIALIZED VIEW shop.product_count OWNER TO pv_own_a;
CREATE SEQUENCE shop.invoice_no;
ALTER SEQUENCE shop.invoice_no OWNER TO pv_own_c;
CREATE FUNCTION shop.price(int) RETURNS numeric LANGUAGE sql AS 'SELECT 1.0';
ALTER FUNCTION shop.price(int) OWNER TO pv_own_b;
CREATE TYPE shop.size AS ENUM ('s', 'm', 'l');
ALTER TYPE shop.size OWNER TO pv_own_c;
CREATE DOMAIN shop.sku AS text;
ALTER DOMAIN shop.sku OWNER TO pv_own_a;
GRANT SELECT ON shop.order_names TO pv_own_a;
