-- Batch procedures with transaction control (COMMIT/ROLLBACK inside), defaults, comments and grants.
-- roles: fn_owner, fn_app
CREATE SCHEMA batch;
CREATE TABLE batch.queue (id bigserial PRIMARY KEY, done boolean DEFAULT false);
CREATE PROCEDURE batch.drain(batch_size int DEFAULT 100) LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  FOR r IN SELECT id FROM batch.queue WHERE NOT done ORDER BY id LIMIT batch_size LOOP
    UPDATE batch.queue SET done = true WHERE id = r.id;
    COMMIT;
  END LOOP;
END $$;
CREATE PROCEDURE batch.reset() LANGUAGE sql AS 'UPDATE batch.queue SET done = false';
CREATE PROCEDURE batch.try_it() LANGUAGE plpgsql AS $$BEGIN INSERT INTO batch.queue DEFAULT VALUES; ROLLBACK; END$$;
COMMENT ON PROCEDURE batch.drain(int) IS 'marks queued rows done, committing each';
REVOKE ALL ON PROCEDURE batch.drain(int) FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE batch.drain(int) TO fn_app;
ALTER PROCEDURE batch.reset() OWNER TO fn_owner;
