-- Owners without some of their own privileges: a table, a view, a sequence, a function, a type and a schema.
-- roles: pv_self
CREATE SCHEMA self AUTHORIZATION pv_self;
SET ROLE pv_self;
CREATE TABLE self.t (id int);
CREATE VIEW self.v AS SELECT id FROM self.t;
CREATE SEQUENCE self.q;
CREATE FUNCTION self.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE TYPE self.e AS ENUM ('a');
REVOKE UPDATE, DELETE, TRUNCATE ON self.t FROM pv_self;
REVOKE ALL ON self.v FROM pv_self;
GRANT SELECT ON self.v TO pv_self;
REVOKE UPDATE ON SEQUENCE self.q FROM pv_self;
REVOKE EXECUTE ON FUNCTION self.f() FROM pv_self;
REVOKE USAGE ON TYPE self.e FROM pv_self;
REVOKE CREATE ON SCHEMA self FROM pv_self;
RESET ROLE;
CREATE TABLE public.t_all_revoked (id int);
REVOKE ALL ON public.t_all_revoked FROM CURRENT_USER;
