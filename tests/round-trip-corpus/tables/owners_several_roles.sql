-- Tables, sequences and a partitioned table owned by different roles in schemas owned by yet another.
-- roles: tb_owner, tb_app, tb_etl
CREATE SCHEMA data AUTHORIZATION tb_owner;
CREATE TABLE data.a (id int);
ALTER TABLE data.a OWNER TO tb_app;
CREATE TABLE data.b (id serial);
ALTER TABLE data.b OWNER TO tb_etl;
CREATE SEQUENCE data.standalone;
ALTER SEQUENCE data.standalone OWNER TO tb_app;
SET ROLE tb_owner;
CREATE TABLE data.c (id int PRIMARY KEY);
CREATE TABLE data.p (id int, k int) PARTITION BY RANGE (k);
RESET ROLE;
ALTER TABLE data.p OWNER TO tb_etl;
CREATE TABLE data.p1 PARTITION OF data.p FOR VALUES FROM (0) TO (10);
CREATE TABLE public.owned_in_public (id int);
ALTER TABLE public.owned_in_public OWNER TO tb_owner;
