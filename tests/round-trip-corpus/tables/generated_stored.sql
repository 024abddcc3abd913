-- Stored generated columns: arithmetic, string building, chained on regular columns, with indexes and checks.
CREATE SCHEMA calc;
CREATE FUNCTION calc.vat(n numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT round(n * 0.2, 2)';
CREATE TABLE calc.lines (
    id int PRIMARY KEY,
    qty int NOT NULL,
    unit_price numeric(10, 2) NOT NULL,
    total numeric(12, 2) GENERATED ALWAYS AS (qty * unit_price) STORED,
    vat numeric GENERATED ALWAYS AS (calc.vat(qty * unit_price)) STORED,
    first_name text,
    last_name text,
    full_name text GENERATED ALWAYS AS (coalesce(first_name, '') || ' ' || coalesce(last_name, '')) STORED NOT NULL,
    CONSTRAINT lines_total_positive CHECK (total >= 0)
);
CREATE INDEX lines_full_name ON calc.lines (full_name);
COMMENT ON COLUMN calc.lines.total IS 'qty times price';
