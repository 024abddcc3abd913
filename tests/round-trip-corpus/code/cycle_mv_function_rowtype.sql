-- A materialized view's index expression calls a function taking the materialized view's row type.
CREATE SCHEMA mvc;
CREATE MATERIALIZED VIEW mvc.m AS SELECT g AS id, g * 10 AS v FROM generate_series(1, 3) g;
CREATE FUNCTION mvc.key(r mvc.m) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT r.id * 1000 + r.v';
CREATE UNIQUE INDEX m_key ON mvc.m (mvc.key(m));
CREATE VIEW mvc.keys AS SELECT mvc.key(m) AS k FROM mvc.m;
