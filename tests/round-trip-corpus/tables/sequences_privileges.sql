-- Sequence privileges (USAGE, SELECT, UPDATE) granted separately from the owning table's.
-- roles: tb_app, tb_reader
CREATE SCHEMA sp;
CREATE TABLE sp.items (id bigserial PRIMARY KEY, v text);
CREATE SEQUENCE sp.standalone;
GRANT USAGE ON SEQUENCE sp.items_id_seq TO tb_app;
GRANT SELECT ON SEQUENCE sp.standalone TO tb_reader;
GRANT UPDATE ON SEQUENCE sp.standalone TO tb_app WITH GRANT OPTION;
GRANT SELECT, INSERT ON sp.items TO tb_app;
REVOKE ALL ON SEQUENCE sp.standalone FROM PUBLIC;
