-- A table owned by an application role that revoked its own privileges and granted a subset to others.
-- roles: tb_owner, tb_reader
CREATE SCHEMA tog;
CREATE TABLE tog.secret (id int, v text);
ALTER TABLE tog.secret OWNER TO tb_owner;
REVOKE ALL ON tog.secret FROM tb_owner;
GRANT SELECT ON tog.secret TO tb_owner;
GRANT SELECT, UPDATE (v) ON tog.secret TO tb_reader;
CREATE TABLE tog.public_readable (id int);
GRANT SELECT ON tog.public_readable TO PUBLIC;
GRANT ALL ON tog.public_readable TO tb_reader;
CREATE TABLE tog.nobody (id int);
REVOKE ALL ON tog.nobody FROM postgres;
