-- A mapping table with the builtin geometric types and GiST/SP-GiST indexes on them.
CREATE SCHEMA maps;
CREATE TABLE maps.shapes (
    id int PRIMARY KEY,
    p point DEFAULT point(0, 0),
    l line,
    seg lseg,
    b box,
    route path,
    area polygon,
    zone circle,
    CONSTRAINT shapes_zone_positive CHECK (radius(zone) > 0)
);
CREATE INDEX shapes_p_spgist ON maps.shapes USING spgist (p);
CREATE INDEX shapes_b_gist ON maps.shapes USING gist (b);
CREATE INDEX shapes_zone_gist ON maps.shapes USING gist (zone);
CREATE INDEX shapes_area_gist ON maps.shapes USING gist (area);
