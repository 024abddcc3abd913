-- A text range with explicit collation and operator class, as used for alphabetical shelf ranges.
CREATE SCHEMA library;
CREATE TYPE library.shelf_range AS RANGE (SUBTYPE = text, COLLATION = "C", SUBTYPE_OPCLASS = text_ops);
CREATE TYPE library.pattern_range AS RANGE (SUBTYPE = text, SUBTYPE_OPCLASS = text_pattern_ops);
CREATE TABLE library.shelves (id int, letters library.shelf_range, pat library.pattern_range);
