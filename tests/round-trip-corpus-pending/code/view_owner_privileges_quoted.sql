-- Views with owners, column-level grants, grant options and names needing quotes.
-- roles: vw_owner, vw_reader, vw_writer
CREATE SCHEMA "Reporting";
CREATE TABLE "Reporting"."Raw Data" ("Key" int, "Value" text, "select" boolean);
CREATE VIEW "Reporting"."Clean View" AS SELECT "Key", upper("Value") AS "Upper Value", "select" FROM "Reporting"."Raw Data";
ALTER VIEW "Reporting"."Clean View" OWNER TO vw_owner;
GRANT SELECT ON "Reporting"."Raw Data" TO vw_owner;
GRANT SELECT ("Key", "Upper Value") ON "Reporting"."Clean View" TO vw_reader;
GRANT SELECT ON "Reporting"."Clean View" TO vw_writer WITH GRANT OPTION;
REVOKE ALL ON "Reporting"."Clean View" FROM PUBLIC;
CREATE VIEW "Reporting".plain AS SELECT 1 AS "1";
