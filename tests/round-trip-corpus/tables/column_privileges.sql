-- Column-level privileges: SELECT/INSERT/UPDATE/REFERENCES on some columns, to several roles, revoked partly.
-- roles: tb_analyst, tb_app, tb_auditor
CREATE SCHEMA hr;
CREATE TABLE hr.staff (id int PRIMARY KEY, name text, salary numeric, ssn text, manager int);
GRANT USAGE ON SCHEMA hr TO tb_analyst, tb_app;
GRANT SELECT (id, name, manager) ON hr.staff TO tb_analyst;
GRANT SELECT (id, name), UPDATE (name), INSERT (id, name) ON hr.staff TO tb_app;
GRANT REFERENCES (id) ON hr.staff TO tb_app;
GRANT SELECT ON hr.staff TO tb_auditor;
GRANT SELECT (salary) ON hr.staff TO tb_auditor WITH GRANT OPTION;
GRANT SELECT (ssn) ON hr.staff TO PUBLIC;
REVOKE SELECT (ssn) ON hr.staff FROM PUBLIC;
GRANT UPDATE (salary, manager) ON hr.staff TO tb_analyst;
REVOKE UPDATE (salary) ON hr.staff FROM tb_analyst;
