-- Populated materialized views linked only through a quoted function body: a_report's query reads z_base via a function.
CREATE SCHEMA mvdep;
CREATE TABLE mvdep.src (id int, v int);
INSERT INTO mvdep.src VALUES (1, 10);
CREATE MATERIALIZED VIEW mvdep.z_base AS SELECT id, v FROM mvdep.src;
CREATE FUNCTION mvdep.base_total() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT sum(v) FROM mvdep.z_base';
CREATE MATERIALIZED VIEW mvdep.a_report AS SELECT mvdep.base_total() AS total;
