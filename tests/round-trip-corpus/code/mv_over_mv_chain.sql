-- A pipeline of materialized views over other materialized views, one of them unpopulated.
CREATE SCHEMA pipe;
CREATE TABLE pipe.raw (id int, v int);
CREATE MATERIALIZED VIEW pipe.stage1 AS SELECT id, v * 2 AS v2 FROM pipe.raw;
CREATE MATERIALIZED VIEW pipe.stage2 AS SELECT id, v2 + 1 AS v3 FROM pipe.stage1;
CREATE MATERIALIZED VIEW pipe.stage3 AS SELECT count(*) AS n, sum(v3) AS s FROM pipe.stage2 WITH NO DATA;
CREATE VIEW pipe.over_mv AS SELECT * FROM pipe.stage2 WHERE v3 > 0;
CREATE MATERIALIZED VIEW pipe.a_final AS SELECT * FROM pipe.over_mv;
CREATE UNIQUE INDEX ON pipe.stage1 (id);
