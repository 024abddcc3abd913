-- Views over set-returning functions: WITH ORDINALITY, ROWS FROM, LATERAL, TABLESAMPLE, FETCH FIRST WITH TIES.
CREATE SCHEMA srf;
CREATE TABLE srf.t (id int, tags text[], score int);
CREATE VIEW srf.tags AS SELECT t.id, u.tag, u.pos FROM srf.t, unnest(t.tags) WITH ORDINALITY AS u(tag, pos);
CREATE VIEW srf.rowsfrom AS SELECT * FROM ROWS FROM (generate_series(1, 3), unnest(ARRAY['a', 'b'])) AS r(n, s);
CREATE VIEW srf.lat AS SELECT t.id, x.m FROM srf.t LEFT JOIN LATERAL (SELECT max(s) AS m FROM unnest(t.tags) s) x ON true;
CREATE VIEW srf.sample AS SELECT * FROM srf.t TABLESAMPLE BERNOULLI (10) REPEATABLE (42);
CREATE VIEW srf.top AS SELECT * FROM srf.t ORDER BY score DESC FETCH FIRST 3 ROWS WITH TIES;
CREATE VIEW srf.paged AS SELECT * FROM srf.t ORDER BY id LIMIT 10 OFFSET 5;
CREATE VIEW srf.locked AS SELECT id FROM srf.t FOR UPDATE SKIP LOCKED;
