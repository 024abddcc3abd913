-- Domains over arrays and arrays of domains used as column types, with domain checks and defaults.
CREATE SCHEMA geo;
CREATE DOMAIN geo.coord AS double precision[] CHECK (array_length(VALUE, 1) = 2);
CREATE DOMAIN geo.percent AS numeric(5, 2) DEFAULT 0 CHECK (VALUE BETWEEN 0 AND 100) NOT NULL;
CREATE DOMAIN geo.short_text AS varchar(30) COLLATE "C";
CREATE DOMAIN geo.tag_list AS geo.short_text[] DEFAULT '{}'::geo.short_text[];
CREATE TABLE geo.places (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    position geo.coord NOT NULL,
    route geo.coord[],
    coverage geo.percent,
    tags geo.tag_list,
    name geo.short_text NOT NULL
);
CREATE TABLE geo.place_history (
    place_id integer REFERENCES geo.places,
    coverages geo.percent[] DEFAULT ARRAY[10, 20]::geo.percent[]
);
