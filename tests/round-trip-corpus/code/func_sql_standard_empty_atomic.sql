-- min-major: 14
-- SQL-standard bodies at the edges: empty BEGIN ATOMIC, strings with semicolons, CASE and a body using a view.
CREATE SCHEMA edge;
CREATE FUNCTION edge.nothing() RETURNS void LANGUAGE sql BEGIN ATOMIC END;
CREATE FUNCTION edge.semis() RETURNS text LANGUAGE sql RETURN 'a;b;' || $$c;d$$;
CREATE TABLE edge.t (id int, v text);
CREATE VIEW edge.v AS SELECT id, upper(v) AS v FROM edge.t;
CREATE FUNCTION edge.from_view(i int) RETURNS text LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT CASE WHEN v IS NULL THEN 'none' ELSE v END FROM edge.v WHERE id = i;
END;
CREATE FUNCTION edge.ins(i int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
  INSERT INTO edge.t VALUES (i, 'x') RETURNING id;
END;
