-- Indexes and columns using explicit collations: "C", "POSIX", an ICU collation and a user-defined one.
CREATE SCHEMA ixl;
CREATE COLLATION ixl.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE ixl.names (
    id int,
    name text COLLATE "C",
    name_posix text COLLATE "POSIX",
    name_ci text COLLATE ixl.ci,
    name_icu text COLLATE "und-x-icu"
);
CREATE INDEX names_name_default ON ixl.names (name COLLATE "default");
CREATE INDEX names_name_icu ON ixl.names (name COLLATE "und-x-icu" DESC);
CREATE UNIQUE INDEX names_ci ON ixl.names (name_ci);
CREATE INDEX names_posix_pattern ON ixl.names (name_posix COLLATE "C" text_pattern_ops);
CREATE INDEX names_expr ON ixl.names ((lower(name) COLLATE "C"));
