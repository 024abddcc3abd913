-- Inherited CHECK constraints, a NO INHERIT check on the parent, and a child merging an identical check.
CREATE SCHEMA inc;
CREATE TABLE inc.vehicles (
    id int,
    wheels int,
    CONSTRAINT vehicles_wheels CHECK (wheels >= 0),
    CONSTRAINT vehicles_abstract CHECK (false) NO INHERIT
);
CREATE TABLE inc.cars (CONSTRAINT vehicles_wheels CHECK (wheels >= 0), doors int) INHERITS (inc.vehicles);
CREATE TABLE inc.bikes (CONSTRAINT bikes_two CHECK (wheels = 2)) INHERITS (inc.vehicles);
ALTER TABLE inc.vehicles ADD CONSTRAINT vehicles_id_pos CHECK (id > 0);
ALTER TABLE inc.bikes ADD CONSTRAINT bikes_local CHECK (id < 1000000) NO INHERIT;
