-- A composite type with a name needing quotes, owned by a role, with usage granted and revoked.
-- roles: tv_owner, tv_reader
CREATE SCHEMA "Api V2";
CREATE TYPE "Api V2"."Result Row" AS ("Id" int, "select" text, "a b" numeric);
ALTER TYPE "Api V2"."Result Row" OWNER TO tv_owner;
REVOKE USAGE ON TYPE "Api V2"."Result Row" FROM PUBLIC;
GRANT USAGE ON TYPE "Api V2"."Result Row" TO tv_reader;
COMMENT ON COLUMN "Api V2"."Result Row"."select" IS 'reserved word attribute';
CREATE FUNCTION "Api V2"."Fetch"() RETURNS SETOF "Api V2"."Result Row" LANGUAGE sql
  AS $$SELECT 1, 'x', 1.5::numeric$$;
