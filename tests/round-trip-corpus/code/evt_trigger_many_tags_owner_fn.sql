-- A DDL-lockdown event trigger with many (quoted, multi-word) tags whose function has ACLs and a comment.
CREATE SCHEMA lock;
CREATE FUNCTION lock.deny() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('lock.enabled', true) = 'on' THEN RAISE EXCEPTION 'DDL % is locked', tg_tag; END IF;
END $$;
REVOKE ALL ON FUNCTION lock.deny() FROM PUBLIC;
COMMENT ON FUNCTION lock.deny() IS 'refuses DDL while lock.enabled is on';
CREATE EVENT TRIGGER deny_ddl ON ddl_command_start
  WHEN TAG IN ('CREATE MATERIALIZED VIEW', 'ALTER DEFAULT PRIVILEGES', 'DROP FUNCTION', 'CREATE INDEX', 'COMMENT', 'GRANT')
  EXECUTE FUNCTION lock.deny();
CREATE EVENT TRIGGER "Deny Drops" ON sql_drop WHEN TAG IN ('DROP TABLE') EXECUTE FUNCTION lock.deny();
