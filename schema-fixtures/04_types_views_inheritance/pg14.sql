-- Fixture 04_types_views_inheritance, PostgreSQL 14+: range types with an explicit
-- MULTIRANGE_TYPE_NAME, and a multirange column.
CREATE TYPE catalog.dim_range AS RANGE (SUBTYPE = integer, MULTIRANGE_TYPE_NAME = catalog.dim_ranges);
CREATE TYPE catalog.season AS RANGE (SUBTYPE = date, MULTIRANGE_TYPE_NAME = catalog.season_set);
COMMENT ON TYPE catalog.season_set IS 'Explicitly named multirange';
CREATE TABLE catalog.availability (
    item_id   bigint PRIMARY KEY REFERENCES catalog.gadgets (id) ON DELETE CASCADE,
    seasons   catalog.season_set NOT NULL DEFAULT '{}',
    sizes     catalog.dim_ranges
);
CREATE INDEX availability_seasons_gist ON catalog.availability USING gist (seasons);
