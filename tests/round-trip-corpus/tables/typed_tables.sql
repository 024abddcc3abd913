-- Typed tables created OF a composite type, with per-column options, constraints and a partitioned typed table.
CREATE SCHEMA typed;
CREATE TYPE typed.person AS (id int, name text, born date);
CREATE TABLE typed.people OF typed.person (
    id WITH OPTIONS PRIMARY KEY,
    name WITH OPTIONS NOT NULL DEFAULT 'anon',
    CONSTRAINT people_born_past CHECK (born < '2100-01-01')
);
CREATE TABLE typed.people_plain OF typed.person;
CREATE TABLE typed.people_by_year OF typed.person PARTITION BY RANGE (born);
CREATE TABLE typed.people_by_year_2000 PARTITION OF typed.people_by_year FOR VALUES FROM ('2000-01-01') TO ('2001-01-01');
CREATE TABLE typed.later (id int, name text, born date);
ALTER TABLE typed.later OF typed.person;
CREATE TABLE typed.was_typed OF typed.person;
ALTER TABLE typed.was_typed NOT OF;
