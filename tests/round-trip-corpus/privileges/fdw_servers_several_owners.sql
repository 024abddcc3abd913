-- Servers of one wrapper owned by several roles, one owner without its own USAGE, servers granted across owners.
-- roles: pv_fdwo_a, pv_fdwo_b
CREATE FOREIGN DATA WRAPPER pv_w_shared;
GRANT USAGE ON FOREIGN DATA WRAPPER pv_w_shared TO pv_fdwo_a, pv_fdwo_b;
CREATE SERVER pv_srv_a FOREIGN DATA WRAPPER pv_w_shared;
ALTER SERVER pv_srv_a OWNER TO pv_fdwo_a;
CREATE SERVER pv_srv_b FOREIGN DATA WRAPPER pv_w_shared;
ALTER SERVER pv_srv_b OWNER TO pv_fdwo_b;
SET ROLE pv_fdwo_a;
REVOKE USAGE ON FOREIGN SERVER pv_srv_a FROM pv_fdwo_a;
GRANT USAGE ON FOREIGN SERVER pv_srv_a TO PUBLIC;
SET ROLE pv_fdwo_b;
GRANT USAGE ON FOREIGN SERVER pv_srv_b TO pv_fdwo_a;
CREATE USER MAPPING FOR pv_fdwo_b SERVER pv_srv_b OPTIONS (user 'b');
RESET ROLE;
REVOKE USAGE ON FOREIGN DATA WRAPPER pv_w_shared FROM CURRENT_USER;
