-- A quoted-name role holding a grant option passes a column privilege on to another quoted-name role.
-- roles: PV_Admin, pv-app, pv"quote
CREATE SCHEMA "Sales Data" AUTHORIZATION "PV_Admin";
SET ROLE "PV_Admin";
CREATE TABLE "Sales Data"."Orders" ("Order Id" int, "Total" numeric);
GRANT USAGE ON SCHEMA "Sales Data" TO "pv-app", "pv""quote";
GRANT INSERT ("Order Id") ON "Sales Data"."Orders" TO "pv-app" WITH GRANT OPTION;
RESET ROLE;
SET ROLE "pv-app";
GRANT INSERT ("Order Id") ON "Sales Data"."Orders" TO "pv""quote";
RESET ROLE;
