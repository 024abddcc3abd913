-- Role names that need quoting everywhere: spaces, capitals, dashes, dots, a double quote, a keyword.
-- roles: pv Reader, PV_Admin, pv-app, pv.dot, pv"quote, user
CREATE SCHEMA "Sales Data" AUTHORIZATION "PV_Admin";
ALTER DEFAULT PRIVILEGES FOR ROLE "PV_Admin" IN SCHEMA "Sales Data" GRANT SELECT ON TABLES TO "pv Reader", "pv.dot";
ALTER DEFAULT PRIVILEGES FOR ROLE "PV_Admin" GRANT EXECUTE ON FUNCTIONS TO "pv""quote";
ALTER DEFAULT PRIVILEGES FOR ROLE "pv-app" GRANT SELECT ON SEQUENCES TO "user";
SET ROLE "PV_Admin";
CREATE TABLE "Sales Data"."Orders" ("Order Id" int, "Total" numeric);
CREATE FUNCTION "Sales Data"."Tax"(x numeric) RETURNS numeric LANGUAGE sql AS 'SELECT x * 0.2';
GRANT USAGE ON SCHEMA "Sales Data" TO "pv Reader", "pv-app", "pv.dot", "pv""quote", "user";
GRANT INSERT ("Order Id") ON "Sales Data"."Orders" TO "pv-app" WITH GRANT OPTION;
GRANT UPDATE ("Total") ON "Sales Data"."Orders" TO "pv""quote", "user";
RESET ROLE;
CREATE SEQUENCE public.q;
ALTER SEQUENCE public.q OWNER TO "pv-app";
GRANT USAGE ON SEQUENCE public.q TO "user";
