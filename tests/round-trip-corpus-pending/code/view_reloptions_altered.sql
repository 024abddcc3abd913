-- View options changed after creation: ALTER VIEW SET/RESET security_barrier and check_option, and CREATE OR REPLACE adding columns.
CREATE SCHEMA vopt;
CREATE TABLE vopt.t (id int, a text, b text);
CREATE VIEW vopt.v1 AS SELECT id, a FROM vopt.t WHERE id > 0;
ALTER VIEW vopt.v1 SET (security_barrier = true, check_option = cascaded);
CREATE VIEW vopt.v2 WITH (security_barrier, check_option = local) AS SELECT id FROM vopt.t WHERE id < 100;
ALTER VIEW vopt.v2 RESET (security_barrier);
CREATE OR REPLACE VIEW vopt.v1 AS SELECT id, a, b FROM vopt.t WHERE id > 0;
ALTER VIEW vopt.v2 RENAME TO v2_renamed;
CREATE SCHEMA vopt2;
ALTER VIEW vopt.v2_renamed SET SCHEMA vopt2;
