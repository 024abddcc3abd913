-- Tables made children later with ALTER TABLE INHERIT, one then un-inherited with NO INHERIT.
CREATE SCHEMA ial;
CREATE TABLE ial.parent (id int, v text, CONSTRAINT parent_v CHECK (v <> ''));
CREATE TABLE ial.c1 (id int, v text, own int, CONSTRAINT parent_v CHECK (v <> ''));
ALTER TABLE ial.c1 INHERIT ial.parent;
CREATE TABLE ial.c2 (v text, id int, CONSTRAINT parent_v CHECK (v <> ''));
ALTER TABLE ial.c2 INHERIT ial.parent;
CREATE TABLE ial.c3 () INHERITS (ial.parent);
ALTER TABLE ial.c3 NO INHERIT ial.parent;
