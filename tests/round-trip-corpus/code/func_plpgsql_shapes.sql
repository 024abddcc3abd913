-- PL/pgSQL functions: loops, exceptions, dynamic SQL, RAISE, and a trigger-less audit helper.
CREATE SCHEMA ops;
CREATE TABLE ops.log (id bigserial PRIMARY KEY, msg text, at timestamptz DEFAULT now());
CREATE FUNCTION ops.log_it(m text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  new_id bigint;
BEGIN
  INSERT INTO ops.log (msg) VALUES (m) RETURNING id INTO new_id;
  RETURN new_id;
EXCEPTION WHEN others THEN
  RAISE WARNING 'could not log: %', SQLERRM;
  RETURN NULL;
END
$$;
CREATE FUNCTION ops.count_rows(tbl regclass) RETURNS bigint LANGUAGE plpgsql STABLE AS $$
DECLARE n bigint;
BEGIN
  EXECUTE format('SELECT count(*) FROM %s', tbl) INTO n;
  RETURN n;
END $$;
CREATE FUNCTION ops.fib(n int) RETURNS numeric LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE a numeric := 0; b numeric := 1; t numeric;
BEGIN
  FOR i IN 1..n LOOP t := a + b; a := b; b := t; END LOOP;
  RETURN a;
END $$;
