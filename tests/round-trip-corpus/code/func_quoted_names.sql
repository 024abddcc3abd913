-- Functions and parameters whose names need quoting: mixed case, spaces, keywords, unicode, embedded quotes.
CREATE SCHEMA "My App";
CREATE FUNCTION "My App"."GetUser"("UserId" int) RETURNS text LANGUAGE sql AS $$SELECT 'u' || "UserId"$$;
CREATE FUNCTION "My App"."select"("from" int, "where" text) RETURNS text LANGUAGE sql AS 'SELECT "where" || "from"';
CREATE FUNCTION "My App"."with space"() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION "My App"."quote""d"() RETURNS int LANGUAGE sql AS 'SELECT 2';
CREATE FUNCTION "My App"."ünïcødé"(ä int) RETURNS int LANGUAGE sql AS 'SELECT ä';
CREATE FUNCTION "My App".lower_ok() RETURNS int LANGUAGE sql AS 'SELECT "My App"."with space"() + "My App"."quote""d"()';
COMMENT ON FUNCTION "My App"."quote""d"() IS 'has a "quote"';
CREATE TYPE "My App"."Row Type" AS ("Col" int);
CREATE FUNCTION "My App"."Make Row"(v int) RETURNS "My App"."Row Type" LANGUAGE sql AS 'SELECT ROW(v)::"My App"."Row Type"';
