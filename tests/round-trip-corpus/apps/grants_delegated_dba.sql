-- Imitates a bank's delegated-permission model: objects owned by a schema-owner role, privileges granted WITH GRANT OPTION to team leads who re-grant them (non-owner grantors), column-level SELECT/UPDATE grants, REVOKE from PUBLIC on schema public and functions.
-- roles: ap_bank_owner, ap_bank_lead, ap_bank_teller, ap_bank_auditor
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA bank AUTHORIZATION ap_bank_owner;
SET ROLE ap_bank_owner;
CREATE TABLE bank.accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  iban text NOT NULL UNIQUE,
  holder text NOT NULL,
  balance numeric(18,2) NOT NULL DEFAULT 0,
  pin_hash text,
  frozen boolean NOT NULL DEFAULT false
);
CREATE TABLE bank.transfers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  from_account bigint NOT NULL REFERENCES bank.accounts,
  to_account bigint NOT NULL REFERENCES bank.accounts,
  amount numeric(18,2) NOT NULL CHECK (amount > 0),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION bank.balance_of(p_iban text) RETURNS numeric LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bank, pg_temp AS $$ SELECT balance FROM accounts WHERE iban = p_iban $$;
CREATE VIEW bank.account_directory AS SELECT id, iban, holder FROM bank.accounts;
REVOKE ALL ON FUNCTION bank.balance_of(text) FROM PUBLIC;
GRANT USAGE ON SCHEMA bank TO ap_bank_lead WITH GRANT OPTION;
GRANT SELECT, INSERT ON bank.transfers TO ap_bank_lead WITH GRANT OPTION;
GRANT SELECT (id, iban, holder, balance, frozen), UPDATE (frozen) ON bank.accounts TO ap_bank_lead WITH GRANT OPTION;
GRANT EXECUTE ON FUNCTION bank.balance_of(text) TO ap_bank_lead WITH GRANT OPTION;
GRANT SELECT ON bank.account_directory TO ap_bank_auditor;
GRANT SELECT ON ALL TABLES IN SCHEMA bank TO ap_bank_auditor;
RESET ROLE;
SET ROLE ap_bank_lead;
GRANT USAGE ON SCHEMA bank TO ap_bank_teller;
GRANT SELECT ON bank.transfers TO ap_bank_teller;
GRANT INSERT ON bank.transfers TO ap_bank_teller;
GRANT SELECT (id, iban, holder), UPDATE (frozen) ON bank.accounts TO ap_bank_teller;
GRANT EXECUTE ON FUNCTION bank.balance_of(text) TO ap_bank_teller;
RESET ROLE;
GRANT USAGE ON SCHEMA bank TO ap_bank_auditor;
REVOKE SELECT (pin_hash) ON bank.accounts FROM ap_bank_auditor;
COMMENT ON COLUMN bank.accounts.pin_hash IS 'never granted to anyone but the owner';
