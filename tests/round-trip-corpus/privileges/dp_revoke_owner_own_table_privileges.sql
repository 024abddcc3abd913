-- Append-only audit tables: the owner's default privileges drop its own UPDATE, DELETE and TRUNCATE on new tables.
-- roles: pv_audit_owner, pv_audit_writer
CREATE SCHEMA audit AUTHORIZATION pv_audit_owner;
SET ROLE pv_audit_owner;
CREATE TABLE audit.before_log (id bigint, at timestamptz, what text);
RESET ROLE;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_audit_owner REVOKE UPDATE, DELETE, TRUNCATE ON TABLES FROM pv_audit_owner;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_audit_owner GRANT INSERT ON TABLES TO pv_audit_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_audit_owner REVOKE ALL ON SEQUENCES FROM pv_audit_owner;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_audit_owner GRANT USAGE ON SEQUENCES TO pv_audit_owner;
SET ROLE pv_audit_owner;
CREATE TABLE audit.after_log (id bigserial, at timestamptz DEFAULT now(), what text);
CREATE SEQUENCE audit.after_seq;
RESET ROLE;
