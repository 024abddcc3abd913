-- min-major: 17
-- A login event trigger (17+) that records sessions, plus a disabled one.
CREATE SCHEMA sess;
CREATE TABLE sess.logins (who name DEFAULT current_user, at timestamptz DEFAULT now());
CREATE FUNCTION sess.on_login() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN INSERT INTO sess.logins DEFAULT VALUES; END $$;
CREATE EVENT TRIGGER record_login ON login EXECUTE FUNCTION sess.on_login();
ALTER EVENT TRIGGER record_login DISABLE;
COMMENT ON EVENT TRIGGER record_login IS 'disabled until the table is partitioned';
