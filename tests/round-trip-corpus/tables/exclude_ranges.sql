-- Room reservations kept non-overlapping with GiST EXCLUDE constraints on ranges and geometry.
CREATE SCHEMA rooms;
CREATE TABLE rooms.reservations (
    id int PRIMARY KEY,
    room int4range NOT NULL,
    during tstzrange NOT NULL,
    cancelled boolean DEFAULT false,
    CONSTRAINT reservations_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (NOT cancelled)
);
CREATE TABLE rooms.zones (
    id int PRIMARY KEY,
    area circle,
    label text,
    EXCLUDE USING gist (area WITH &&) INCLUDE (label)
);
CREATE TABLE rooms.seasons (
    span daterange,
    CONSTRAINT seasons_disjoint EXCLUDE USING gist (span WITH &&) DEFERRABLE INITIALLY DEFERRED
);
