-- Views and materialized views with their own grants, a security-barrier view given to an app, and column grants on a view.
-- roles: pv_vw_app, pv_vw_owner
CREATE SCHEMA vw;
CREATE TABLE vw.base (id int, tenant int, secret text);
CREATE VIEW vw.mine WITH (security_barrier) AS SELECT id, tenant FROM vw.base WHERE tenant = 1;
CREATE VIEW vw.all_ids AS SELECT id FROM vw.base;
CREATE MATERIALIZED VIEW vw.summary AS SELECT tenant, count(*) AS n FROM vw.base GROUP BY tenant;
GRANT SELECT, INSERT, UPDATE ON vw.mine TO pv_vw_app;
GRANT SELECT (id) ON vw.all_ids TO pv_vw_app;
GRANT SELECT ON vw.summary TO pv_vw_app;
REVOKE ALL ON vw.summary FROM CURRENT_USER;
GRANT SELECT ON vw.summary TO CURRENT_USER;
ALTER VIEW vw.all_ids OWNER TO pv_vw_owner;
GRANT SELECT ON vw.base TO pv_vw_owner;
