-- USAGE on a wrapper and a server passed on by roles that hold the grant option but own neither.
-- roles: pv_fdwg_admin, pv_fdwg_user
CREATE FOREIGN DATA WRAPPER pv_wrapper_g;
CREATE SERVER pv_remote_g FOREIGN DATA WRAPPER pv_wrapper_g;
GRANT USAGE ON FOREIGN DATA WRAPPER pv_wrapper_g TO pv_fdwg_admin WITH GRANT OPTION;
GRANT USAGE ON FOREIGN SERVER pv_remote_g TO pv_fdwg_admin WITH GRANT OPTION;
SET ROLE pv_fdwg_admin;
GRANT USAGE ON FOREIGN DATA WRAPPER pv_wrapper_g TO pv_fdwg_user;
GRANT USAGE ON FOREIGN SERVER pv_remote_g TO pv_fdwg_user;
RESET ROLE;
