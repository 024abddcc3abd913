-- Fixture 03_awkward_identifiers, collations: libc collations with awkward names (quotes,
-- spaces, dots, mixed case, unicode) made with locale, lc_collate/lc_ctype and FROM, used by
-- columns, an index and a domain; owners and comments. ICU collations (nondeterministic,
-- case-insensitive) when the server is built with ICU: that check is made here and each
-- ICU statement runs only then.
DO $$ BEGIN CREATE ROLE "Flux Admin" NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;

CREATE COLLATION "Sales"."Bytes ""C""" (locale = 'C');
COMMENT ON COLLATION "Sales"."Bytes ""C""" IS 'Byte order; it''s "C"';
ALTER COLLATION "Sales"."Bytes ""C""" OWNER TO "Flux Admin";
CREATE COLLATION sales."posix.copy" FROM "POSIX";
CREATE COLLATION "odd schema/ü.x"."ordre café" (lc_collate = 'C', lc_ctype = 'POSIX');
CREATE COLLATION "Sales"."select" FROM "C";

CREATE TABLE "Sales"."Collated" (
    "Key" text COLLATE "Sales"."Bytes ""C""" PRIMARY KEY,
    "Label" varchar(40) COLLATE "odd schema/ü.x"."ordre café",
    "select" text COLLATE "Sales"."select"
);
CREATE INDEX "Collated label posix" ON "Sales"."Collated" ("Label" COLLATE sales."posix.copy");
CREATE DOMAIN sales."code text" AS text COLLATE sales."posix.copy" CHECK (VALUE <> '');

DO $$
BEGIN
    IF (SELECT count(*) FROM pg_collation WHERE collprovider = 'i') > 0 THEN
        EXECUTE 'CREATE COLLATION "Sales"."Case Insensitive" (provider = icu, locale = ''und-u-ks-level2'', deterministic = false)';
        EXECUTE 'COMMENT ON COLLATION "Sales"."Case Insensitive" IS ''ICU, level 2''';
        EXECUTE 'CREATE COLLATION sales."日本" (provider = icu, locale = ''ja'')';
        EXECUTE 'CREATE TABLE "Sales"."Tags" (name text COLLATE "Sales"."Case Insensitive" NOT NULL, kana text COLLATE sales."日本")';
        EXECUTE 'CREATE UNIQUE INDEX "Tags name ci" ON "Sales"."Tags" (name)';
    ELSE
        RAISE NOTICE 'no ICU in this build: ICU collations not created';
    END IF;
END $$;
