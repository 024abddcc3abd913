-- A DBA role allowed to run amcheck's index checks (superuser-only by default) from an admin schema.
-- roles: px_dba
CREATE SCHEMA admin;
CREATE EXTENSION amcheck SCHEMA admin;
GRANT USAGE ON SCHEMA admin TO px_dba;
GRANT EXECUTE ON FUNCTION admin.bt_index_check(regclass) TO px_dba;
GRANT EXECUTE ON FUNCTION admin.bt_index_check(regclass, boolean) TO px_dba;
GRANT EXECUTE ON FUNCTION admin.bt_index_parent_check(regclass, boolean) TO px_dba WITH GRANT OPTION;
CREATE TABLE public.accounts (id int PRIMARY KEY, email text);
CREATE INDEX accounts_email ON public.accounts (email);
