-- Imitates a project-management SaaS RLS model (Linear/Notion-like): membership-table lookups in policies, SECURITY DEFINER helper functions to avoid recursive RLS, per-command policies for several roles, and RLS on a partitioned table.
-- roles: ap_pm_member, ap_pm_guest, ap_pm_service
CREATE SCHEMA pm;
CREATE TABLE pm.workspaces (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL);
CREATE TABLE pm.memberships (
  workspace_id uuid NOT NULL REFERENCES pm.workspaces ON DELETE CASCADE,
  user_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'member', 'guest')),
  PRIMARY KEY (workspace_id, user_id)
);
CREATE FUNCTION pm.current_user_id() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('pm.user_id', true), '')::uuid $$;
CREATE FUNCTION pm.is_member(p_workspace uuid, p_min_role text DEFAULT 'guest') RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pm, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM memberships m
     WHERE m.workspace_id = p_workspace AND m.user_id = current_user_id()
       AND array_position(ARRAY['guest', 'member', 'owner'], m.role) >= array_position(ARRAY['guest', 'member', 'owner'], p_min_role))
$$;
CREATE TABLE pm.issues (
  workspace_id uuid NOT NULL REFERENCES pm.workspaces ON DELETE CASCADE,
  id bigint GENERATED ALWAYS AS IDENTITY,
  title text NOT NULL,
  assignee uuid,
  confidential boolean NOT NULL DEFAULT false,
  PRIMARY KEY (workspace_id, id)
);
CREATE TABLE pm.comments (
  workspace_id uuid NOT NULL,
  issue_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  author uuid NOT NULL DEFAULT pm.current_user_id(),
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id, created_at),
  FOREIGN KEY (workspace_id, issue_id) REFERENCES pm.issues (workspace_id, id) ON DELETE CASCADE
) PARTITION BY RANGE (created_at);
CREATE TABLE pm.comments_2024 PARTITION OF pm.comments FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00');
CREATE TABLE pm.comments_rest PARTITION OF pm.comments DEFAULT;
ALTER TABLE pm.memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE pm.issues ENABLE ROW LEVEL SECURITY;
ALTER TABLE pm.comments ENABLE ROW LEVEL SECURITY;
ALTER TABLE pm.workspaces ENABLE ROW LEVEL SECURITY;
CREATE POLICY ws_select ON pm.workspaces FOR SELECT TO ap_pm_member, ap_pm_guest USING (pm.is_member(id));
CREATE POLICY ws_update ON pm.workspaces FOR UPDATE TO ap_pm_member USING (pm.is_member(id, 'owner')) WITH CHECK (pm.is_member(id, 'owner'));
CREATE POLICY memberships_self ON pm.memberships FOR SELECT USING (user_id = pm.current_user_id() OR pm.is_member(workspace_id, 'owner'));
CREATE POLICY issues_read ON pm.issues FOR SELECT TO ap_pm_member USING (pm.is_member(workspace_id, 'member'));
CREATE POLICY issues_read_guest ON pm.issues FOR SELECT TO ap_pm_guest USING (pm.is_member(workspace_id) AND NOT confidential);
CREATE POLICY issues_write ON pm.issues FOR INSERT TO ap_pm_member WITH CHECK (pm.is_member(workspace_id, 'member'));
CREATE POLICY issues_assignee_update ON pm.issues FOR UPDATE TO ap_pm_member
  USING (assignee = pm.current_user_id() OR pm.is_member(workspace_id, 'owner'))
  WITH CHECK (EXISTS (SELECT 1 FROM pm.memberships m WHERE m.workspace_id = issues.workspace_id AND m.user_id = issues.assignee));
CREATE POLICY service_all ON pm.issues TO ap_pm_service USING (true) WITH CHECK (true);
CREATE POLICY comments_visible ON pm.comments FOR SELECT USING (EXISTS (SELECT 1 FROM pm.issues i WHERE i.workspace_id = comments.workspace_id AND i.id = comments.issue_id));
CREATE POLICY comments_own ON pm.comments FOR ALL TO ap_pm_member USING (author = pm.current_user_id());
CREATE POLICY comments_not_on_confidential ON pm.comments AS RESTRICTIVE FOR INSERT TO ap_pm_guest
  WITH CHECK (NOT EXISTS (SELECT 1 FROM pm.issues i WHERE i.workspace_id = comments.workspace_id AND i.id = comments.issue_id AND i.confidential));
GRANT USAGE ON SCHEMA pm TO ap_pm_member, ap_pm_guest, ap_pm_service;
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA pm TO ap_pm_member;
GRANT SELECT, INSERT ON pm.issues, pm.comments, pm.workspaces TO ap_pm_guest;
GRANT ALL ON ALL TABLES IN SCHEMA pm TO ap_pm_service;
