-- CHECK constraints: named, unnamed, NO INHERIT, NOT VALID, multi-column, using functions and IN lists.
CREATE SCHEMA chk;
CREATE FUNCTION chk.is_even(i int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT i % 2 = 0';
CREATE TABLE chk.items (
    id int PRIMARY KEY CHECK (id > 0),
    lo int,
    hi int,
    kind text CHECK (kind IN ('a', 'b', 'c')),
    even int,
    CONSTRAINT items_range CHECK (lo <= hi),
    CONSTRAINT items_local CHECK (lo >= 0) NO INHERIT,
    CONSTRAINT items_even CHECK (chk.is_even(even))
);
INSERT INTO chk.items VALUES (1, 5, 150, 'a', 2);
ALTER TABLE chk.items ADD CONSTRAINT items_later CHECK (hi < 100) NOT VALID;
ALTER TABLE chk.items ADD CONSTRAINT items_validated CHECK (hi > -100) NOT VALID;
ALTER TABLE chk.items VALIDATE CONSTRAINT items_validated;
CREATE TABLE chk.items_child () INHERITS (chk.items);
