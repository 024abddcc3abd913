-- An org chart exposed through CREATE RECURSIVE VIEW and an equivalent WITH RECURSIVE view.
CREATE SCHEMA org;
CREATE TABLE org.staff (id int PRIMARY KEY, manager_id int REFERENCES org.staff, name text);
CREATE RECURSIVE VIEW org.chain (id, name, depth) AS
  SELECT id, name, 0 FROM org.staff WHERE manager_id IS NULL
  UNION ALL
  SELECT s.id, s.name, c.depth + 1 FROM org.staff s JOIN chain c ON s.manager_id = c.id;
CREATE VIEW org.paths AS
  WITH RECURSIVE p(id, path) AS (
    SELECT id, ARRAY[name] FROM org.staff WHERE manager_id IS NULL
    UNION ALL
    SELECT s.id, p.path || s.name FROM org.staff s JOIN p ON s.manager_id = p.id
  ) SELECT id, array_to_string(path, ' > ') AS path FROM p;
CREATE RECURSIVE VIEW org.nums (n) AS VALUES (1) UNION ALL SELECT n + 1 FROM nums WHERE n < 10;
