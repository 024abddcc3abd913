-- Row-level security flags: ENABLE, FORCE, enabled but not forced, forced but not enabled, with a policy.
-- roles: tb_tenant
CREATE SCHEMA rls;
CREATE TABLE rls.docs (id int, tenant name DEFAULT current_user, body text);
ALTER TABLE rls.docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE rls.docs FORCE ROW LEVEL SECURITY;
CREATE POLICY docs_own ON rls.docs USING (tenant = current_user);
CREATE TABLE rls.enabled_only (id int);
ALTER TABLE rls.enabled_only ENABLE ROW LEVEL SECURITY;
CREATE TABLE rls.forced_only (id int);
ALTER TABLE rls.forced_only FORCE ROW LEVEL SECURITY;
CREATE TABLE rls.parted (id int, k int) PARTITION BY RANGE (k);
CREATE TABLE rls.parted_1 PARTITION OF rls.parted FOR VALUES FROM (0) TO (10);
ALTER TABLE rls.parted ENABLE ROW LEVEL SECURITY;
ALTER TABLE rls.parted_1 ENABLE ROW LEVEL SECURITY;
ALTER TABLE rls.parted_1 FORCE ROW LEVEL SECURITY;
GRANT SELECT ON rls.docs TO tb_tenant;
