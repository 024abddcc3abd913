-- Materialized views with quoted names and columns, an explicit USING heap and column aliases.
CREATE SCHEMA "Mat Views";
CREATE TABLE "Mat Views"."Source" ("Id" int, "Amount" numeric);
CREATE MATERIALIZED VIEW "Mat Views"."Big Sum" ("Total Amount", "Row Count") USING heap AS
  SELECT sum("Amount"), count(*) FROM "Mat Views"."Source";
CREATE MATERIALIZED VIEW "Mat Views"."select" AS SELECT "Id" AS "from" FROM "Mat Views"."Source" WITH DATA;
CREATE INDEX "Idx Total" ON "Mat Views"."Big Sum" ("Total Amount");
COMMENT ON COLUMN "Mat Views"."Big Sum"."Row Count" IS 'rows';
