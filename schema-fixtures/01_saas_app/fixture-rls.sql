-- Fixture 01_saas_app, row-level security and default privileges: tenant-isolation
-- policies (USING, WITH CHECK, current_setting), a RESTRICTIVE policy, per-command policies
-- (SELECT/INSERT/UPDATE/DELETE) for named roles and PUBLIC, a policy with a subquery on
-- another table, policy comments; default privileges for flux_owner in schema app and
-- globally (grants, a revoke from PUBLIC, a revoke from the owner), and a table flux_owner
-- creates afterwards, which receives them.
DO $$ BEGIN CREATE ROLE flux_owner NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE flux_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE flux_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE "Flux Admin" NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;

CREATE TABLE app.projects (
    id         bigint PRIMARY KEY,
    tenant     text NOT NULL,
    name       text NOT NULL,
    archived   boolean NOT NULL DEFAULT false,
    created_by name NOT NULL DEFAULT current_user
);
ALTER TABLE app.projects OWNER TO flux_owner;
ALTER TABLE app.projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.projects FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON app.projects
    USING (tenant = current_setting('app.tenant', true))
    WITH CHECK (tenant = current_setting('app.tenant', true));
COMMENT ON POLICY tenant_isolation ON app.projects IS 'Rows of the tenant named by app.tenant';
CREATE POLICY not_archived ON app.projects AS RESTRICTIVE FOR SELECT TO flux_reader, flux_writer
    USING (NOT archived);
CREATE POLICY "Writers Insert" ON app.projects FOR INSERT TO flux_writer
    WITH CHECK (created_by = current_user);
CREATE POLICY writers_update ON app.projects FOR UPDATE TO flux_writer, "Flux Admin"
    USING (created_by = current_user) WITH CHECK (created_by = current_user AND NOT archived);
CREATE POLICY admins_delete ON app.projects FOR DELETE TO "Flux Admin" USING (archived);
CREATE POLICY everyone_reads_public ON app.projects FOR SELECT USING (tenant = 'public');

CREATE TABLE app.project_members (
    project_id bigint NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
    member     name NOT NULL,
    PRIMARY KEY (project_id, member)
);
ALTER TABLE app.project_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY member_of_visible_project ON app.project_members FOR ALL TO PUBLIC
    USING (project_id IN (SELECT p.id FROM app.projects p WHERE p.tenant = current_setting('app.tenant', true)));

ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner IN SCHEMA app GRANT SELECT ON TABLES TO flux_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner IN SCHEMA app GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO flux_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner IN SCHEMA app GRANT USAGE, SELECT ON SEQUENCES TO flux_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner IN SCHEMA app GRANT EXECUTE ON FUNCTIONS TO flux_reader WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner IN SCHEMA app GRANT USAGE ON TYPES TO flux_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner REVOKE TRUNCATE, TRIGGER ON TABLES FROM flux_owner;
ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner GRANT USAGE ON SCHEMAS TO flux_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE "Flux Admin" GRANT SELECT ON SEQUENCES TO flux_reader;

-- Created by flux_owner after its default privileges: it gets them.
SET ROLE flux_owner;
CREATE TABLE app.project_notes (project_id bigint, note text);
RESET ROLE;
