-- A three-level inheritance chain across schemas; the leaf adds its own primary key on an inherited column.
CREATE SCHEMA l1;
CREATE SCHEMA l2;
CREATE TABLE l1.animal (id int PRIMARY KEY, name text);
CREATE TABLE l2.mammal (fur boolean DEFAULT true) INHERITS (l1.animal);
CREATE TABLE l2.dog (breed text) INHERITS (l2.mammal);
ALTER TABLE l2.dog ADD PRIMARY KEY (id);
CREATE INDEX dog_breed ON l2.dog (breed);
COMMENT ON TABLE l2.dog IS 'leaf of the chain';
