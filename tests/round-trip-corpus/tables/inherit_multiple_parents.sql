-- A child table inheriting from two parents that share a column, with columns merged from both and its own.
CREATE SCHEMA inh;
CREATE TABLE inh.timestamps (created timestamptz DEFAULT now(), updated timestamptz, id int);
CREATE TABLE inh.named (id int, name text NOT NULL, CONSTRAINT named_name_len CHECK (length(name) < 100));
CREATE TABLE inh.products (id int NOT NULL, price numeric, name text NOT NULL) INHERITS (inh.timestamps, inh.named);
CREATE TABLE inh.services (hours int) INHERITS (inh.named, inh.timestamps);
