-- A parent gains a column after its children exist: the children's column order is then parent, local, new.
CREATE SCHEMA ipc;
CREATE TABLE ipc.animal (id int, name text);
CREATE TABLE ipc.mammal (fur boolean DEFAULT true) INHERITS (ipc.animal);
CREATE TABLE ipc.dog (breed text DEFAULT 'mixed') INHERITS (ipc.mammal);
ALTER TABLE ipc.animal ADD COLUMN legs int DEFAULT 4;
