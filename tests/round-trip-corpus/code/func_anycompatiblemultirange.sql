-- min-major: 14
-- Multirange polymorphism (14+): helpers over anymultirange and anycompatiblemultirange.
CREATE SCHEMA mr;
CREATE FUNCTION mr.span(m anymultirange) RETURNS anyrange LANGUAGE sql IMMUTABLE AS 'SELECT range_merge(m)';
CREATE FUNCTION mr.has(m anycompatiblemultirange, x anycompatible) RETURNS boolean LANGUAGE sql AS 'SELECT m @> x';
CREATE TABLE mr.slots (id int, free int4multirange);
CREATE VIEW mr.spans AS SELECT id, mr.span(free) AS s FROM mr.slots;
