CREATE SCHEMA new;
CREATE TABLE new.t (id integer);
