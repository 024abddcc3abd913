-- Address composite type with per-attribute collations, comments on the type and its attributes.
CREATE SCHEMA geo;
CREATE TYPE geo.address AS (
  street text COLLATE "C",
  city varchar(80) COLLATE "POSIX",
  zip char(5),
  country text
);
COMMENT ON TYPE geo.address IS 'postal address';
COMMENT ON COLUMN geo.address.zip IS 'five digits';
CREATE TABLE geo.customers (id int PRIMARY KEY, home geo.address, work geo.address);
