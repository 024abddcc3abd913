-- Imitates the usual postgres_fdw setup from the PostgreSQL docs / Citus-style shard access: a server and user mappings carrying a password option (pg_dump keeps the value; pg-flux redacts credentials by design).
-- roles: ap_fdw_reader
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE SERVER foreign_server FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '192.83.123.89', port '5432', dbname 'foreign_db');
CREATE USER MAPPING FOR ap_fdw_reader SERVER foreign_server OPTIONS (user 'foreign_user', password 'password');
CREATE USER MAPPING FOR CURRENT_USER SERVER foreign_server OPTIONS (user 'admin', password 'also-not-secret', password_required 'false');
CREATE FOREIGN TABLE public.foreign_table (id integer NOT NULL, data text) SERVER foreign_server OPTIONS (schema_name 'some_schema', table_name 'some_table');
GRANT SELECT ON public.foreign_table TO ap_fdw_reader;
