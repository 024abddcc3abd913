-- Fixture 04, dependency cycles between a view and a function (every major): a view whose
-- query calls a function that takes the view's own row type. The dump breaks the cycle as
-- pg_dump does (a shell view with the columns' types, domains and collations included, the
-- function, then CREATE OR REPLACE VIEW with the real query, check option and options).
CREATE VIEW catalog.item_cards AS
  SELECT id, sku, title, price FROM catalog.items;
CREATE FUNCTION catalog.card_rank(catalog.item_cards) RETURNS integer
  LANGUAGE sql IMMUTABLE AS 'SELECT 1';
CREATE OR REPLACE VIEW catalog.item_cards WITH (security_barrier) AS
  SELECT id, sku, title, price, catalog.card_rank(NULL::catalog.item_cards) AS rank
    FROM catalog.items
   WHERE price IS NOT NULL
  WITH LOCAL CHECK OPTION;
ALTER VIEW catalog.item_cards ALTER COLUMN price SET DEFAULT 1.00;
ALTER VIEW catalog.item_cards OWNER TO flux_owner;
ALTER FUNCTION catalog.card_rank(catalog.item_cards) OWNER TO flux_owner;
COMMENT ON VIEW catalog.item_cards IS 'Calls a function of its own row type';
COMMENT ON COLUMN catalog.item_cards.rank IS 'Always 1';
GRANT SELECT ON catalog.item_cards TO flux_reader;
GRANT SELECT (title) ON catalog.item_cards TO PUBLIC;
CREATE VIEW reporting.ranked_cards AS SELECT id, rank FROM catalog.item_cards;
