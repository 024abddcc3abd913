-- Composite foreign keys with MATCH FULL and MATCH SIMPLE on multi-column keys.
CREATE SCHEMA fkm;
CREATE TABLE fkm.regions (country char(2), region text, PRIMARY KEY (country, region));
CREATE TABLE fkm.stores (
    id int PRIMARY KEY,
    country char(2),
    region text,
    alt_country char(2),
    alt_region text,
    CONSTRAINT stores_region_full FOREIGN KEY (country, region) REFERENCES fkm.regions MATCH FULL ON DELETE CASCADE,
    CONSTRAINT stores_region_simple FOREIGN KEY (alt_country, alt_region) REFERENCES fkm.regions (country, region) MATCH SIMPLE
);
CREATE TABLE fkm.reordered (
    r text, c char(2),
    FOREIGN KEY (c, r) REFERENCES fkm.regions (country, region) MATCH FULL
);
