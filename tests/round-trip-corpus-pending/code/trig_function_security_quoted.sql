-- A trigger function with SECURITY DEFINER owned by an audit role, and trigger/table names needing quotes.
-- roles: tr_owner
CREATE SCHEMA "Audit Log";
CREATE TABLE "Audit Log"."Changes" (tbl text, row_data jsonb);
CREATE TABLE "Audit Log"."User Table" ("Id" int PRIMARY KEY, "Name" text);
CREATE FUNCTION "Audit Log"."record change"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog AS $$
BEGIN INSERT INTO "Audit Log"."Changes" VALUES (TG_TABLE_NAME, to_jsonb(NEW)); RETURN NEW; END $$;
ALTER FUNCTION "Audit Log"."record change"() OWNER TO tr_owner;
REVOKE ALL ON FUNCTION "Audit Log"."record change"() FROM PUBLIC;
CREATE TRIGGER "After Insert" AFTER INSERT ON "Audit Log"."User Table"
  FOR EACH ROW EXECUTE FUNCTION "Audit Log"."record change"();
CREATE TRIGGER "select" AFTER UPDATE OF "Name" ON "Audit Log"."User Table"
  FOR EACH ROW EXECUTE FUNCTION "Audit Log"."record change"();
