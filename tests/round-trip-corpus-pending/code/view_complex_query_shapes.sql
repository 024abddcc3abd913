-- Views exercising the deparser: window functions, FILTER, GROUPING SETS, DISTINCT ON, VALUES, CTEs, casts, collations.
CREATE SCHEMA q;
CREATE TABLE q.t (id int, g text, v numeric, ts timestamptz, tags text[], doc jsonb);
CREATE VIEW q.windows AS
  SELECT id, row_number() OVER w AS rn, sum(v) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running
  FROM q.t WINDOW w AS (PARTITION BY g ORDER BY ts);
CREATE VIEW q.filtered AS
  SELECT g, count(*) FILTER (WHERE v > 0) AS pos, array_agg(id ORDER BY id DESC) AS ids FROM q.t GROUP BY ROLLUP (g);
CREATE VIEW q.sets AS SELECT g, id, sum(v) FROM q.t GROUP BY GROUPING SETS ((g), (id), ());
CREATE VIEW q.distinct_on AS SELECT DISTINCT ON (g) g, id, v FROM q.t ORDER BY g, v DESC NULLS LAST;
CREATE VIEW q.vals AS SELECT * FROM (VALUES (1, 'x'::text), (2, 'y')) AS v(a, b);
CREATE VIEW q.misc AS
  SELECT id::text COLLATE "C" AS idc, ts AT TIME ZONE 'UTC' AS utc, doc->>'k' AS k, doc #> '{a,b}' AS ab,
         tags[1:2] AS first2, v::numeric(10,2) AS v2, CASE WHEN v IS NULL THEN 'n' ELSE 'y' END AS has,
         g IN ('a', 'b') AS ab_g, EXISTS (SELECT 1 FROM q.t t2 WHERE t2.id = t.id + 1) AS has_next
  FROM q.t t;
CREATE VIEW q.ctes AS WITH a AS MATERIALIZED (SELECT id FROM q.t), b AS NOT MATERIALIZED (SELECT id FROM a) SELECT * FROM b;
