-- Imitates a double-entry accounting ledger (pgledger / Formance-like): numeric amounts, accounts with normal balances, deferred constraint trigger enforcing balanced transactions, deferrable unique constraint, period locking.
CREATE SCHEMA ledger;
CREATE TYPE ledger.account_kind AS ENUM ('asset', 'liability', 'equity', 'revenue', 'expense');
CREATE DOMAIN ledger.money_amount AS numeric(20,4) NOT NULL CHECK (VALUE <> 0);
CREATE DOMAIN ledger.currency_code AS char(3) CHECK (VALUE ~ '^[A-Z]{3}$');
CREATE TABLE ledger.accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL,
  name text NOT NULL,
  kind ledger.account_kind NOT NULL,
  currency ledger.currency_code NOT NULL DEFAULT 'USD',
  parent_id bigint REFERENCES ledger.accounts,
  allow_negative boolean NOT NULL DEFAULT false,
  position integer NOT NULL,
  CONSTRAINT accounts_code_key UNIQUE (code),
  CONSTRAINT accounts_position_key UNIQUE (parent_id, position) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE ledger.transactions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  posted_at timestamptz NOT NULL DEFAULT now(),
  effective_date date NOT NULL DEFAULT CURRENT_DATE,
  memo text,
  reverses_id bigint UNIQUE REFERENCES ledger.transactions DEFERRABLE
);
CREATE TABLE ledger.entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id bigint NOT NULL REFERENCES ledger.transactions ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  account_id bigint NOT NULL REFERENCES ledger.accounts,
  amount ledger.money_amount,
  currency ledger.currency_code NOT NULL,
  line smallint NOT NULL,
  UNIQUE (transaction_id, line)
);
CREATE INDEX entries_account_idx ON ledger.entries (account_id, transaction_id);
CREATE TABLE ledger.closed_periods (
  period daterange PRIMARY KEY,
  closed_by text NOT NULL DEFAULT current_user,
  CONSTRAINT closed_periods_bounded CHECK (NOT lower_inf(period) AND NOT upper_inf(period))
);
CREATE FUNCTION ledger.check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_sum numeric;
BEGIN
  SELECT coalesce(sum(amount), 0) INTO v_sum FROM ledger.entries WHERE transaction_id = NEW.transaction_id;
  IF v_sum <> 0 THEN
    RAISE EXCEPTION 'transaction % does not balance (off by %)', NEW.transaction_id, v_sum USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER entries_balanced AFTER INSERT OR UPDATE ON ledger.entries DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION ledger.check_balanced();
CREATE FUNCTION ledger.reject_closed_period() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM ledger.closed_periods WHERE period @> NEW.effective_date) THEN
    RAISE EXCEPTION 'period containing % is closed', NEW.effective_date;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER transactions_period_open BEFORE INSERT OR UPDATE OF effective_date ON ledger.transactions FOR EACH ROW EXECUTE FUNCTION ledger.reject_closed_period();
CREATE FUNCTION ledger.no_updates() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'ledger entries are immutable'; END $$;
CREATE TRIGGER entries_immutable BEFORE UPDATE OR DELETE ON ledger.entries FOR EACH ROW EXECUTE FUNCTION ledger.no_updates();
ALTER TABLE ledger.entries DISABLE TRIGGER entries_immutable;
CREATE VIEW ledger.account_balances AS
  SELECT a.id, a.code, a.kind, a.currency,
         coalesce(sum(e.amount), 0)::numeric(20,4) AS balance,
         CASE WHEN a.kind IN ('asset', 'expense') THEN coalesce(sum(e.amount), 0) ELSE -coalesce(sum(e.amount), 0) END AS normal_balance
  FROM ledger.accounts a LEFT JOIN ledger.entries e ON e.account_id = a.id
  GROUP BY a.id;
CREATE PROCEDURE ledger.post_transfer(p_from bigint, p_to bigint, p_amount numeric, p_memo text DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
  v_tx bigint;
BEGIN
  INSERT INTO ledger.transactions (memo) VALUES (p_memo) RETURNING id INTO v_tx;
  INSERT INTO ledger.entries (transaction_id, account_id, amount, currency, line) VALUES
    (v_tx, p_from, -p_amount, 'USD', 1),
    (v_tx, p_to, p_amount, 'USD', 2);
END $$;
