-- Domains as function parameter and return types, with a parameter default cast to the domain and a RETURNS TABLE of domains.
CREATE SCHEMA money;
CREATE DOMAIN money.amount AS numeric(14, 2) CHECK (VALUE >= 0);
CREATE DOMAIN money.currency AS char(3) CHECK (VALUE ~ '^[A-Z]{3}$') DEFAULT 'EUR';
CREATE FUNCTION money.fmt(a money.amount, c money.currency DEFAULT 'EUR'::money.currency) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$SELECT a || ' ' || c$$;
CREATE FUNCTION money.split(a money.amount, parts int) RETURNS TABLE (part int, share money.amount)
  LANGUAGE sql AS 'SELECT g, round(a / parts, 2)::money.amount FROM generate_series(1, parts) g';
CREATE FUNCTION money.zero() RETURNS money.amount LANGUAGE sql AS 'SELECT 0::money.amount';
