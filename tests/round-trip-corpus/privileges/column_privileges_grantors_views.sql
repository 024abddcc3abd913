-- Column grants passed on by a non-owner with grant option, and column grants on a view and a foreign-key target.
-- roles: pv_col_owner, pv_col_admin, pv_col_user
CREATE SCHEMA c AUTHORIZATION pv_col_owner;
SET ROLE pv_col_owner;
CREATE TABLE c.t (id int PRIMARY KEY, a text, b text, c int);
CREATE VIEW c.v AS SELECT id, a, c FROM c.t;
GRANT USAGE ON SCHEMA c TO pv_col_admin, pv_col_user;
GRANT SELECT (a, b), INSERT (a), UPDATE (c) ON c.t TO pv_col_admin WITH GRANT OPTION;
GRANT SELECT (id, a) ON c.v TO pv_col_admin WITH GRANT OPTION;
SET ROLE pv_col_admin;
GRANT SELECT (a), UPDATE (c) ON c.t TO pv_col_user;
GRANT SELECT (a) ON c.v TO pv_col_user;
RESET ROLE;
GRANT SELECT ON c.t TO pv_col_user;
GRANT SELECT (b) ON c.t TO pv_col_user;
