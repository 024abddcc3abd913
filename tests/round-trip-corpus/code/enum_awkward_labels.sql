-- Enum labels with quotes, spaces, unicode, empty string and a type name that needs quoting.
CREATE SCHEMA "Catalog";
CREATE TYPE "Catalog"."Size Class" AS ENUM ('', 'x''s', 'extra large', 'ÜBER', 'a"b', 'semi;colon', 'back\slash');
CREATE TYPE "Catalog".empty_enum AS ENUM ();
CREATE TABLE "Catalog".items (id int, sz "Catalog"."Size Class", sizes "Catalog"."Size Class"[] DEFAULT '{}');
COMMENT ON TYPE "Catalog"."Size Class" IS 'it''s a size';
