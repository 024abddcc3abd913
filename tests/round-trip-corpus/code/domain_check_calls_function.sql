-- A domain whose CHECK calls a user function defined before it, e.g. an IBAN validator.
CREATE SCHEMA bank;
CREATE FUNCTION bank.iban_ok(t text) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT
  AS $$SELECT t ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$'$$;
CREATE DOMAIN bank.iban AS text CONSTRAINT iban_valid CHECK (bank.iban_ok(VALUE));
CREATE TABLE bank.accounts (id int, iban bank.iban UNIQUE);
