-- A stored generated column whose expression was changed with SET EXPRESSION, and one turned into a plain column (17+ for SET EXPRESSION).
-- min-major: 17
CREATE SCHEMA gse;
CREATE TABLE gse.prices (id int, net numeric, gross numeric GENERATED ALWAYS AS (net * 1.2) STORED, label text GENERATED ALWAYS AS ('p' || id) STORED);
ALTER TABLE gse.prices ALTER COLUMN gross SET EXPRESSION AS (net * 1.25);
ALTER TABLE gse.prices ALTER COLUMN label DROP EXPRESSION;
