-- Imitates a PostgreSQL 14+ codebase that moved to SQL-standard function bodies (BEGIN ATOMIC / RETURN) for dependency tracking: pricing functions, a procedure with BEGIN ATOMIC, and a view over them.
-- min-major: 14
CREATE SCHEMA pricing;
CREATE TABLE pricing.items (id integer PRIMARY KEY, base_cents integer NOT NULL, category text NOT NULL);
CREATE TABLE pricing.discounts (category text PRIMARY KEY, pct numeric(5,2) NOT NULL CHECK (pct BETWEEN 0 AND 100));
CREATE FUNCTION pricing.discount_pct(p_category text) RETURNS numeric LANGUAGE sql STABLE
  RETURN coalesce((SELECT pct FROM pricing.discounts WHERE category = p_category), 0);
CREATE FUNCTION pricing.price_cents(p_item integer) RETURNS integer LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT round(i.base_cents * (1 - pricing.discount_pct(i.category) / 100))::integer FROM pricing.items i WHERE i.id = p_item;
END;
CREATE FUNCTION pricing.add_tax(cents integer, rate numeric DEFAULT 0.2) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN round(cents * (1 + rate))::integer;
CREATE PROCEDURE pricing.set_discount(p_category text, p_pct numeric) LANGUAGE sql
BEGIN ATOMIC
  INSERT INTO pricing.discounts (category, pct) VALUES (p_category, p_pct)
    ON CONFLICT (category) DO UPDATE SET pct = excluded.pct;
  UPDATE pricing.items SET base_cents = base_cents WHERE category = p_category;
END;
CREATE VIEW pricing.price_list AS SELECT id, category, pricing.price_cents(id) AS net_cents, pricing.add_tax(pricing.price_cents(id)) AS gross_cents FROM pricing.items;
CREATE FUNCTION pricing.cheapest(p_category text) RETURNS SETOF pricing.price_list LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT * FROM pricing.price_list WHERE category = p_category ORDER BY net_cents LIMIT 1;
END;
