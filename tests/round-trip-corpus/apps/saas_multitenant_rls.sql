-- Imitates a multi-tenant SaaS (shared tables + tenant_id): RLS with FORCE, policies on current_setting('app.current_tenant'), a BYPASSRLS-free admin policy, tenant-scoped composite foreign keys.
-- roles: ap_tenant_app, ap_tenant_admin
CREATE SCHEMA app;
CREATE TABLE app.tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{3,63}$'),
  plan text NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro', 'enterprise')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION app.current_tenant_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('app.current_tenant', true), '')::uuid
$$;
CREATE TABLE app.users (
  tenant_id uuid NOT NULL REFERENCES app.tenants ON DELETE CASCADE DEFAULT app.current_tenant_id(),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL,
  is_admin boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, email)
);
CREATE TABLE app.projects (
  tenant_id uuid NOT NULL DEFAULT app.current_tenant_id(),
  id bigint GENERATED ALWAYS AS IDENTITY,
  owner_id uuid NOT NULL,
  name text NOT NULL,
  archived_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES app.users (tenant_id, id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX projects_tenant_name_live ON app.projects (tenant_id, lower(name)) WHERE archived_at IS NULL;
CREATE TABLE app.tasks (
  tenant_id uuid NOT NULL DEFAULT app.current_tenant_id(),
  id bigint GENERATED ALWAYS AS IDENTITY,
  project_id bigint NOT NULL,
  assignee_id uuid,
  title text NOT NULL,
  state text NOT NULL DEFAULT 'open',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, project_id) REFERENCES app.projects (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, assignee_id) REFERENCES app.users (tenant_id, id) ON DELETE SET NULL,
  CONSTRAINT tasks_state_check CHECK (state = ANY (ARRAY['open', 'doing', 'done']))
);
ALTER TABLE app.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.users FORCE ROW LEVEL SECURITY;
ALTER TABLE app.projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.projects FORCE ROW LEVEL SECURITY;
ALTER TABLE app.tasks ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app.users USING (tenant_id = app.current_tenant_id());
CREATE POLICY tenant_isolation ON app.projects USING (tenant_id = app.current_tenant_id()) WITH CHECK (tenant_id = app.current_tenant_id());
CREATE POLICY tenant_isolation ON app.tasks AS PERMISSIVE FOR ALL TO ap_tenant_app USING (tenant_id = current_setting('app.current_tenant')::uuid);
CREATE POLICY admins_see_all ON app.tasks FOR SELECT TO ap_tenant_admin USING (true);
CREATE POLICY no_archived_writes ON app.tasks AS RESTRICTIVE FOR UPDATE TO ap_tenant_app
  USING (NOT EXISTS (SELECT 1 FROM app.projects p WHERE p.tenant_id = tasks.tenant_id AND p.id = tasks.project_id AND p.archived_at IS NOT NULL));
GRANT USAGE ON SCHEMA app TO ap_tenant_app, ap_tenant_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA app TO ap_tenant_app;
GRANT SELECT ON ALL TABLES IN SCHEMA app TO ap_tenant_admin;
REVOKE INSERT, UPDATE, DELETE ON app.tenants FROM ap_tenant_app;
GRANT EXECUTE ON FUNCTION app.current_tenant_id() TO ap_tenant_app;
