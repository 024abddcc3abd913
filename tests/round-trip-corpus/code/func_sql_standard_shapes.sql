-- min-major: 14
-- SQL-standard bodies of assorted shapes: RETURNS TABLE, SETOF, CTEs, DML with RETURNING, calls to overloaded functions.
CREATE SCHEMA ssb;
CREATE TABLE ssb.items (id int PRIMARY KEY, name text, qty int DEFAULT 0);
CREATE FUNCTION ssb.f(i int) RETURNS int LANGUAGE sql IMMUTABLE RETURN i + 1;
CREATE FUNCTION ssb.f(t text) RETURNS text LANGUAGE sql IMMUTABLE RETURN t || '!';
CREATE FUNCTION ssb.list(min_qty int DEFAULT 0) RETURNS TABLE (id int, name text) LANGUAGE sql STABLE
BEGIN ATOMIC
  WITH x AS (SELECT i.id, i.name FROM ssb.items i WHERE i.qty >= min_qty)
  SELECT x.id, ssb.f(x.name) FROM x ORDER BY x.id;
END;
CREATE FUNCTION ssb.rows() RETURNS SETOF ssb.items LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT * FROM ssb.items;
END;
CREATE FUNCTION ssb.add(n text) RETURNS int LANGUAGE sql
BEGIN ATOMIC
  INSERT INTO ssb.items (id, name) SELECT coalesce(max(id), 0) + 1, n FROM ssb.items;
  UPDATE ssb.items SET qty = ssb.f(qty) WHERE name = n;
  SELECT id FROM ssb.items WHERE name = n;
END;
CREATE FUNCTION ssb.quoted("Weird Name" int) RETURNS int LANGUAGE sql RETURN "Weird Name" * 2;
