-- Per-schema table defaults: one schema grants to an app role, a later per-schema REVOKE narrows them again.
-- roles: pv_app, pv_audit
CREATE SCHEMA sales;
CREATE SCHEMA hr;
CREATE TABLE sales.s_before (id int);
ALTER DEFAULT PRIVILEGES IN SCHEMA sales GRANT SELECT, INSERT, UPDATE ON TABLES TO pv_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA hr GRANT SELECT ON TABLES TO pv_audit;
ALTER DEFAULT PRIVILEGES IN SCHEMA sales, hr GRANT TRIGGER ON TABLES TO pv_audit;
CREATE TABLE sales.s_middle (id int);
CREATE TABLE hr.h_middle (id int);
ALTER DEFAULT PRIVILEGES IN SCHEMA sales REVOKE UPDATE ON TABLES FROM pv_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA hr REVOKE TRIGGER ON TABLES FROM pv_audit;
CREATE TABLE sales.s_after (id int);
CREATE TABLE hr.h_after (id int);
CREATE TABLE public.untouched (id int);
