-- min-major: 15
-- security_invoker views (15+) so RLS of the caller applies, combined with security_barrier and a check option.
-- roles: vw_reader
CREATE SCHEMA inv15;
CREATE TABLE inv15.notes (id int, owner name DEFAULT current_user, body text);
ALTER TABLE inv15.notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON inv15.notes USING (owner = current_user);
CREATE VIEW inv15.my_notes WITH (security_invoker = true) AS SELECT id, body FROM inv15.notes;
CREATE VIEW inv15.both_opts WITH (security_invoker, security_barrier) AS SELECT id FROM inv15.notes WHERE id > 0;
CREATE VIEW inv15.not_invoker WITH (security_invoker = false) AS SELECT id FROM inv15.notes;
CREATE VIEW inv15.checked WITH (security_invoker = on, check_option = local) AS SELECT * FROM inv15.notes WHERE id > 0;
GRANT SELECT, INSERT ON inv15.my_notes TO vw_reader;
