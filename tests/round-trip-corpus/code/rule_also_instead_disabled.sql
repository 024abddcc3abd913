-- Table rules: DO ALSO logging, DO INSTEAD NOTHING, conditional rules and a disabled rule.
CREATE SCHEMA rl;
CREATE TABLE rl.accounts (id int PRIMARY KEY, balance numeric);
CREATE TABLE rl.account_log (id int, old_balance numeric, new_balance numeric, at timestamptz DEFAULT now());
CREATE RULE log_update AS ON UPDATE TO rl.accounts DO ALSO
  INSERT INTO rl.account_log (id, old_balance, new_balance) VALUES (OLD.id, OLD.balance, NEW.balance);
CREATE RULE no_delete AS ON DELETE TO rl.accounts WHERE OLD.balance <> 0 DO INSTEAD NOTHING;
CREATE RULE multi AS ON INSERT TO rl.accounts WHERE NEW.balance < 0 DO ALSO (
  INSERT INTO rl.account_log (id, new_balance) VALUES (NEW.id, NEW.balance);
  UPDATE rl.accounts SET balance = 0 WHERE id = NEW.id
);
CREATE RULE disabled_rule AS ON INSERT TO rl.accounts DO ALSO NOTIFY accounts_changed;
ALTER TABLE rl.accounts DISABLE RULE disabled_rule;
CREATE RULE replica_rule AS ON UPDATE TO rl.accounts DO ALSO NOTIFY replica_changed;
ALTER TABLE rl.accounts ENABLE REPLICA RULE replica_rule;
CREATE RULE always_rule AS ON DELETE TO rl.accounts DO ALSO NOTIFY always_changed;
ALTER TABLE rl.accounts ENABLE ALWAYS RULE always_rule;
COMMENT ON RULE log_update ON rl.accounts IS 'history of balances';
