-- min-major: 14
-- Procedures with OUT parameters (14+) and a SQL-standard procedure body.
CREATE SCHEMA p14;
CREATE TABLE p14.counters (name text PRIMARY KEY, n int DEFAULT 0);
CREATE PROCEDURE p14.next_value(IN cname text, OUT value int) LANGUAGE plpgsql AS $$
BEGIN
  UPDATE p14.counters SET n = n + 1 WHERE name = cname RETURNING n INTO value;
END $$;
CREATE PROCEDURE p14.info(OUT total bigint, OUT biggest int) LANGUAGE sql AS 'SELECT count(*), max(n) FROM p14.counters';
CREATE PROCEDURE p14.insert_counter(cname text) LANGUAGE sql
BEGIN ATOMIC
  INSERT INTO p14.counters (name) VALUES (cname);
END;
COMMENT ON PROCEDURE p14.next_value(text, int) IS 'increments and returns';
REVOKE ALL ON PROCEDURE p14.next_value(text, int) FROM PUBLIC;
