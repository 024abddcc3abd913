-- Imitates an order-fulfilment service's stored business logic: procedures with transaction control and INOUT/OUT arguments, overloaded functions, VARIADIC, defaults, RETURNS TABLE, SECURITY DEFINER with pinned search_path, COST/ROWS/PARALLEL/LEAKPROOF settings.
-- roles: ap_fulfilment
CREATE SCHEMA shop;
CREATE TABLE shop.stock (sku text PRIMARY KEY, on_hand integer NOT NULL CHECK (on_hand >= 0), reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0));
CREATE TABLE shop.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, status text NOT NULL DEFAULT 'new', placed_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE shop.order_lines (order_id bigint NOT NULL REFERENCES shop.orders ON DELETE CASCADE, sku text NOT NULL REFERENCES shop.stock, qty integer NOT NULL CHECK (qty > 0), PRIMARY KEY (order_id, sku));
CREATE PROCEDURE shop.reserve(IN p_order bigint, INOUT p_ok boolean DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
  l record;
BEGIN
  p_ok := true;
  FOR l IN SELECT * FROM shop.order_lines WHERE order_id = p_order LOOP
    UPDATE shop.stock SET reserved = reserved + l.qty WHERE sku = l.sku AND on_hand - reserved >= l.qty;
    IF NOT FOUND THEN
      p_ok := false;
      ROLLBACK;
      RETURN;
    END IF;
  END LOOP;
  UPDATE shop.orders SET status = 'reserved' WHERE id = p_order;
  COMMIT;
END $$;
CREATE PROCEDURE shop.ship_all_reserved()
LANGUAGE plpgsql SET work_mem = '64MB' AS $$
DECLARE
  o record;
BEGIN
  FOR o IN SELECT id FROM shop.orders WHERE status = 'reserved' ORDER BY id LOOP
    UPDATE shop.orders SET status = 'shipped' WHERE id = o.id;
    COMMIT;
  END LOOP;
END $$;
CREATE FUNCTION shop.available(p_sku text) RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE COST 5 AS $$ SELECT on_hand - reserved FROM shop.stock WHERE sku = p_sku $$;
CREATE FUNCTION shop.available(p_skus text[]) RETURNS TABLE (sku text, available integer) LANGUAGE sql STABLE ROWS 50 AS $$
  SELECT s.sku, s.on_hand - s.reserved FROM shop.stock s WHERE s.sku = ANY (p_skus)
$$;
CREATE FUNCTION shop.total_qty(VARIADIC qtys integer[]) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS $$ SELECT sum(q)::integer FROM unnest(qtys) q $$;
CREATE FUNCTION shop.order_summary(p_order bigint, OUT lines integer, OUT units integer, OUT status text) LANGUAGE sql STABLE AS $$
  SELECT count(*)::integer, coalesce(sum(qty), 0)::integer, (SELECT status FROM shop.orders WHERE id = p_order)
    FROM shop.order_lines WHERE order_id = p_order
$$;
CREATE FUNCTION shop.place_order(p_lines jsonb, p_note text DEFAULT NULL, p_priority smallint DEFAULT 0::smallint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = shop, pg_temp AS $$
DECLARE
  v_id bigint;
BEGIN
  INSERT INTO orders DEFAULT VALUES RETURNING id INTO v_id;
  INSERT INTO order_lines (order_id, sku, qty)
  SELECT v_id, key, value::integer FROM jsonb_each_text(p_lines);
  RETURN v_id;
END $$;
CREATE FUNCTION shop.status_rank(text) RETURNS integer LANGUAGE sql IMMUTABLE RETURNS NULL ON NULL INPUT AS $$
  SELECT CASE $1 WHEN 'new' THEN 0 WHEN 'reserved' THEN 1 WHEN 'shipped' THEN 2 ELSE 99 END
$$;
CREATE FUNCTION shop.log_unknown(anyelement) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT pg_typeof($1)::text || ': ' || $1::text $$;
CREATE FUNCTION shop.first_non_null(anyelement, anyelement) RETURNS anyelement LANGUAGE sql IMMUTABLE CALLED ON NULL INPUT AS 'SELECT coalesce($1, $2)';
REVOKE ALL ON FUNCTION shop.place_order(jsonb, text, smallint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION shop.place_order(jsonb, text, smallint) TO ap_fulfilment;
GRANT EXECUTE ON PROCEDURE shop.reserve(bigint, boolean) TO ap_fulfilment;
ALTER FUNCTION shop.available(text) OWNER TO ap_fulfilment;
ALTER PROCEDURE shop.ship_all_reserved() SET statement_timeout = '5min';
