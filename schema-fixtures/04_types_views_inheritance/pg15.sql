-- Fixture 04_types_views_inheritance, PostgreSQL 15+: a security_invoker view.
CREATE VIEW catalog.my_reviews WITH (security_invoker = true) AS
    SELECT id, item_id, rating FROM catalog.visible_reviews;
ALTER VIEW catalog.my_reviews OWNER TO flux_owner;
GRANT SELECT ON catalog.my_reviews TO flux_reader;
