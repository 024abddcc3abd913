-- Email and percentage domains with named CHECKs, one added NOT VALID after data existed.
CREATE SCHEMA contacts;
CREATE DOMAIN contacts.email AS text
  CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%')
  CONSTRAINT email_short CHECK (length(VALUE) < 255);
CREATE DOMAIN contacts.pct AS numeric(5,2) CHECK (VALUE BETWEEN 0 AND 100);
CREATE TABLE contacts.people (id int, mail contacts.email, share contacts.pct);
INSERT INTO contacts.people VALUES (1, 'A@x', 10);
ALTER DOMAIN contacts.email ADD CONSTRAINT email_lower CHECK (VALUE = lower(VALUE)) NOT VALID;
COMMENT ON DOMAIN contacts.email IS 'an email address';
COMMENT ON CONSTRAINT email_has_at ON DOMAIN contacts.email IS 'must contain @';
