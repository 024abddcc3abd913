-- serial columns whose default sequence names collided with existing relations, so PostgreSQL picked suffixed names.
CREATE SCHEMA snc;
CREATE SEQUENCE snc.t_id_seq;
CREATE TABLE snc.t (id serial PRIMARY KEY);
CREATE TABLE snc.t_id_seq1_user (x int);
CREATE TABLE snc.u (id serial, id2 bigserial);
CREATE TABLE snc."U" (id serial);
