-- Nested composites (line item inside an invoice type) and arrays of composites used by columns and functions.
CREATE SCHEMA inv;
CREATE TYPE inv.money_amount AS (amount numeric(12,2), currency char(3));
CREATE TYPE inv.line_item AS (sku text, qty int, price inv.money_amount);
CREATE TYPE inv.invoice AS (no text, lines inv.line_item[], total inv.money_amount, tags text[]);
CREATE TABLE inv.documents (id int PRIMARY KEY, body inv.invoice, history inv.invoice[]);
CREATE FUNCTION inv.line_total(l inv.line_item) RETURNS numeric
  LANGUAGE sql IMMUTABLE STRICT AS 'SELECT (l).qty * ((l).price).amount';
CREATE FUNCTION inv.invoice_total(i inv.invoice) RETURNS numeric
  LANGUAGE sql IMMUTABLE AS $$SELECT coalesce(sum(inv.line_total(x)), 0) FROM unnest(i.lines) x$$;
