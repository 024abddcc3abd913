-- A float range type with subtype_diff for GiST indexing of measurement intervals.
CREATE SCHEMA lab;
CREATE TYPE lab.floatrange AS RANGE (SUBTYPE = float8, SUBTYPE_DIFF = float8mi);
CREATE TABLE lab.readings (id int PRIMARY KEY, span lab.floatrange);
CREATE INDEX readings_span ON lab.readings USING gist (span);
COMMENT ON TYPE lab.floatrange IS 'closed-open float interval';
