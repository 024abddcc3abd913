-- Per-column COMPRESSION settings (14+), set inline and by ALTER, and reset to default.
-- min-major: 14
CREATE SCHEMA comp;
CREATE TABLE comp.archive (
    id int,
    body text COMPRESSION pglz,
    meta jsonb,
    raw bytea
);
ALTER TABLE comp.archive ALTER COLUMN meta SET COMPRESSION pglz;
ALTER TABLE comp.archive ALTER COLUMN body SET COMPRESSION default;
ALTER TABLE comp.archive ALTER COLUMN raw SET COMPRESSION pglz;
CREATE TABLE comp.child () INHERITS (comp.archive);
