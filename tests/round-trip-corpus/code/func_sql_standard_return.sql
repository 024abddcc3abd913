-- min-major: 14
-- SQL-standard function bodies (RETURN and BEGIN ATOMIC) that depend on tables and on each other.
CREATE SCHEMA calc;
CREATE TABLE calc.rates (code text PRIMARY KEY, rate numeric NOT NULL);
CREATE FUNCTION calc.rate_of(c text) RETURNS numeric LANGUAGE sql STABLE
  RETURN (SELECT rate FROM calc.rates WHERE code = c);
CREATE FUNCTION calc.convert(amount numeric, c text) RETURNS numeric LANGUAGE sql STABLE
  RETURN amount * calc.rate_of(c);
CREATE FUNCTION calc.add_rate(c text, r numeric) RETURNS void LANGUAGE sql
BEGIN ATOMIC
  DELETE FROM calc.rates WHERE code = c;
  INSERT INTO calc.rates VALUES (c, r);
END;
CREATE FUNCTION calc.stats(OUT n bigint, OUT mx numeric) LANGUAGE sql
BEGIN ATOMIC
  SELECT count(*), max(rate) FROM calc.rates;
END;
CREATE FUNCTION calc.double(i int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN i * 2;
