-- Multi-tenant app: every new schema is usable by the app role, created before and after that default.
-- roles: pv_tenant_app, pv_tenant_admin
CREATE SCHEMA tenant_old;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO pv_tenant_app;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_tenant_admin GRANT USAGE, CREATE ON SCHEMAS TO pv_tenant_app;
CREATE SCHEMA tenant_a;
CREATE SCHEMA tenant_b AUTHORIZATION pv_tenant_admin;
ALTER DEFAULT PRIVILEGES REVOKE USAGE ON SCHEMAS FROM pv_tenant_app;
ALTER DEFAULT PRIVILEGES GRANT CREATE ON SCHEMAS TO pv_tenant_app WITH GRANT OPTION;
CREATE SCHEMA tenant_c;
CREATE TABLE tenant_c.t (id int);
