-- Imitates a legacy schema migrated from MS Access / SQL Server: quoted mixed-case names, spaces, reserved words, unicode, dots and quotes inside identifiers, and 63-byte names.
-- roles: ap_Legacy User
CREATE SCHEMA "Legacy App";
CREATE SCHEMA "select";
CREATE TYPE "Legacy App"."Order Status" AS ENUM ('New', 'In Progress', 'Done!', 'it''s "done"');
CREATE TABLE "Legacy App"."Customer Orders" (
  "Order ID" serial PRIMARY KEY,
  "Customer Name" varchar(100) NOT NULL,
  "order" integer,
  "user" text DEFAULT CURRENT_USER,
  "Straße" text,
  "a.b" text,
  "quote""inside" text,
  "Status" "Legacy App"."Order Status" DEFAULT 'New',
  "ÜberLängeSpalteMitSehrVielenZeichenDieFastDieGrenzeErreicht_ab" int,
  CONSTRAINT "Check: positive order" CHECK ("order" > 0)
);
CREATE INDEX "IX Customer Name" ON "Legacy App"."Customer Orders" ("Customer Name");
CREATE INDEX "ix_lower(name)" ON "Legacy App"."Customer Orders" (lower("Customer Name"));
CREATE TABLE "select"."from" ("where" int PRIMARY KEY, "group" text, "table" text);
CREATE TABLE "select"."Order Lines" (
  "Line#" int NOT NULL,
  "Order ID" int NOT NULL REFERENCES "Legacy App"."Customer Orders" ("Order ID") ON DELETE CASCADE,
  "Qty." numeric(10,2),
  PRIMARY KEY ("Order ID", "Line#")
);
CREATE VIEW "Legacy App"."Orders (open)" AS SELECT "Order ID", "Customer Name", "Status" FROM "Legacy App"."Customer Orders" WHERE "Status" <> 'Done!';
CREATE FUNCTION "Legacy App"."Get Order Count"("Customer" text) RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM "Legacy App"."Customer Orders" WHERE "Customer Name" = "Customer" $$;
CREATE FUNCTION "select"."select"("from" int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT "from" + 1';
CREATE SEQUENCE "Legacy App"."Invoice No. Seq" START 100;
CREATE TABLE public."MixedCase" ("Id" int PRIMARY KEY, "camelCase" text, lowercase text, "UPPER" text);
CREATE TABLE public.t (id int);
CREATE TABLE public."T" (id int);
CREATE TABLE public."t " (id int);
CREATE INDEX "T_id_idx" ON public."T" (id);
CREATE INDEX t_id_idx ON public.t (id);
COMMENT ON TABLE "Legacy App"."Customer Orders" IS 'Was [dbo].[Customer Orders]';
COMMENT ON COLUMN "Legacy App"."Customer Orders"."quote""inside" IS 'column with a "quote"';
GRANT USAGE ON SCHEMA "Legacy App" TO "ap_Legacy User";
GRANT SELECT ("Order ID", "Customer Name") ON "Legacy App"."Customer Orders" TO "ap_Legacy User";
GRANT SELECT ON "Legacy App"."Orders (open)" TO "ap_Legacy User";
GRANT EXECUTE ON FUNCTION "Legacy App"."Get Order Count"(text) TO "ap_Legacy User";
CREATE TRIGGER "Before Update!" BEFORE UPDATE ON "Legacy App"."Customer Orders" FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
