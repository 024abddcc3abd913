-- A non-owner holding grant options re-grants on a sequence, a function, a type, a domain and a schema.
-- roles: pv_go_owner, pv_go_admin, pv_go_user
CREATE SCHEMA k AUTHORIZATION pv_go_owner;
SET ROLE pv_go_owner;
CREATE SEQUENCE k.seq;
CREATE FUNCTION k.fn(a int, b int DEFAULT 0) RETURNS int LANGUAGE sql AS 'SELECT a + b';
CREATE PROCEDURE k.pr(a text) LANGUAGE sql AS 'SELECT a';
CREATE TYPE k.kind AS ENUM ('x', 'y');
CREATE DOMAIN k.code AS varchar(8);
REVOKE EXECUTE ON FUNCTION k.fn(int, int) FROM PUBLIC;
REVOKE EXECUTE ON PROCEDURE k.pr(text) FROM PUBLIC;
REVOKE USAGE ON TYPE k.kind FROM PUBLIC;
REVOKE USAGE ON DOMAIN k.code FROM PUBLIC;
GRANT USAGE ON SCHEMA k TO pv_go_admin WITH GRANT OPTION;
GRANT USAGE, SELECT ON SEQUENCE k.seq TO pv_go_admin WITH GRANT OPTION;
GRANT EXECUTE ON FUNCTION k.fn(int, int) TO pv_go_admin WITH GRANT OPTION;
GRANT EXECUTE ON PROCEDURE k.pr(text) TO pv_go_admin WITH GRANT OPTION;
GRANT USAGE ON TYPE k.kind TO pv_go_admin WITH GRANT OPTION;
GRANT USAGE ON DOMAIN k.code TO pv_go_admin WITH GRANT OPTION;
SET ROLE pv_go_admin;
GRANT USAGE ON SCHEMA k TO pv_go_user;
GRANT USAGE ON SEQUENCE k.seq TO pv_go_user;
GRANT EXECUTE ON FUNCTION k.fn(int, int) TO pv_go_user;
GRANT EXECUTE ON PROCEDURE k.pr(text) TO pv_go_user;
GRANT USAGE ON TYPE k.kind TO pv_go_user;
GRANT USAGE ON DOMAIN k.code TO pv_go_user;
RESET ROLE;
