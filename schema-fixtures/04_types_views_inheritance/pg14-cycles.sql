-- Fixture 04, PostgreSQL 14+: view/function cycles through SQL-standard function bodies.
-- A BEGIN ATOMIC function returning SETOF a view that calls it (a non-default collation in
-- the view's columns), and a BEGIN ATOMIC function reading a view that calls it, with a
-- view over that view.
CREATE VIEW catalog.tag_feed AS SELECT 1 AS n, 'a'::text COLLATE "C" AS tag;
CREATE FUNCTION catalog.tag_source() RETURNS SETOF catalog.tag_feed
  LANGUAGE sql STABLE BEGIN ATOMIC SELECT 1, 'b'::text; END;
CREATE OR REPLACE VIEW catalog.tag_feed AS
  SELECT 1 AS n, 'a'::text COLLATE "C" AS tag
  UNION ALL SELECT 2, (SELECT tag FROM catalog.tag_source() LIMIT 1);
COMMENT ON FUNCTION catalog.tag_source() IS 'Returns rows of the view that calls it';

CREATE VIEW reporting.item_count AS SELECT 1 AS one;
CREATE FUNCTION reporting.count_items() RETURNS bigint
  LANGUAGE sql STABLE BEGIN ATOMIC SELECT count(*) FROM reporting.item_count; END;
CREATE OR REPLACE VIEW reporting.item_count AS
  SELECT 1 AS one, reporting.count_items() AS total;
CREATE VIEW reporting.item_count_total AS SELECT total FROM reporting.item_count;
ALTER VIEW reporting.item_count OWNER TO "Flux Admin";
