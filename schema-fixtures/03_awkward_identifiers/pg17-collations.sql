-- Fixture 03_awkward_identifiers, PostgreSQL 17+: a collation of the builtin provider.
CREATE COLLATION "Sales"."Builtin UTF-8" (provider = builtin, locale = 'C.UTF-8');
CREATE TABLE "Sales"."Builtin" (t text COLLATE "Sales"."Builtin UTF-8");
