-- Column grants on a view and on a table that also has a table-level grant to the same role, all made by the owner.
-- roles: pv_colv_owner, pv_colv_user
CREATE SCHEMA c AUTHORIZATION pv_colv_owner;
SET ROLE pv_colv_owner;
CREATE TABLE c.t (id int PRIMARY KEY, a text, b text, c int);
CREATE VIEW c.v AS SELECT id, a, c FROM c.t;
GRANT USAGE ON SCHEMA c TO pv_colv_user;
GRANT SELECT (id, a) ON c.v TO pv_colv_user WITH GRANT OPTION;
GRANT UPDATE (c) ON c.v TO pv_colv_user;
GRANT SELECT ON c.t TO pv_colv_user;
GRANT SELECT (b), UPDATE (a, b) ON c.t TO pv_colv_user;
RESET ROLE;
