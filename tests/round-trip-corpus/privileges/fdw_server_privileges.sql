-- Foreign data wrappers and servers (no handler) with USAGE granted to integration roles, user mappings and a foreign table.
-- roles: pv_fdw_owner, pv_fdw_user, pv_fdw_sub
CREATE FOREIGN DATA WRAPPER pv_wrapper;
CREATE FOREIGN DATA WRAPPER pv_wrapper2 OPTIONS (debug 'true');
GRANT USAGE ON FOREIGN DATA WRAPPER pv_wrapper TO pv_fdw_owner WITH GRANT OPTION;
REVOKE ALL ON FOREIGN DATA WRAPPER pv_wrapper2 FROM PUBLIC;
GRANT USAGE ON FOREIGN DATA WRAPPER pv_wrapper2 TO PUBLIC;
CREATE SERVER pv_remote FOREIGN DATA WRAPPER pv_wrapper OPTIONS (host 'db.example', port '5432');
ALTER SERVER pv_remote OWNER TO pv_fdw_owner;
CREATE SERVER pv_remote2 TYPE 'test' VERSION '1.0' FOREIGN DATA WRAPPER pv_wrapper2;
GRANT USAGE ON FOREIGN SERVER pv_remote2 TO pv_fdw_user;
SET ROLE pv_fdw_owner;
GRANT USAGE ON FOREIGN SERVER pv_remote TO pv_fdw_user WITH GRANT OPTION;
RESET ROLE;
GRANT USAGE ON FOREIGN SERVER pv_remote TO pv_fdw_sub;
CREATE USER MAPPING FOR pv_fdw_user SERVER pv_remote OPTIONS (user 'remote_u');
CREATE USER MAPPING FOR PUBLIC SERVER pv_remote2;
CREATE SCHEMA ext;
CREATE FOREIGN TABLE ext.remote_t (id int, v text OPTIONS (column_name 'value')) SERVER pv_remote OPTIONS (table_name 'rt');
GRANT SELECT ON ext.remote_t TO pv_fdw_user;
GRANT SELECT (id) ON ext.remote_t TO pv_fdw_sub;
