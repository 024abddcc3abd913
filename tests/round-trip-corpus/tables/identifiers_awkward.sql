-- Tables, columns, constraints and indexes with quotes, spaces, upper case, keywords and dots in their names.
CREATE SCHEMA "My Schema";
CREATE SCHEMA "select";
CREATE TABLE "My Schema"."Order Lines" (
    "Id" int PRIMARY KEY,
    "user" text,
    "select" int,
    "weird""quote" text,
    "dot.name" int,
    "CamelCase" text DEFAULT 'x',
    "trailing space " int,
    CONSTRAINT "Positive ""Id""" CHECK ("Id" > 0)
);
CREATE INDEX "Order Lines: by user" ON "My Schema"."Order Lines" ("user", "weird""quote");
CREATE TABLE "select"."from" ("where" int, "group" text UNIQUE, "order" int REFERENCES "My Schema"."Order Lines");
CREATE TABLE "My Schema".lowercase_ok ("UPPER" int, upper int);
COMMENT ON COLUMN "My Schema"."Order Lines"."weird""quote" IS 'a "quoted" column';
