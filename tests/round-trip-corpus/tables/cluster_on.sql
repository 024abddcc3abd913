-- Tables marked CLUSTER ON an index, one moved to another index and one with the mark removed.
CREATE SCHEMA cl;
CREATE TABLE cl.events (id int PRIMARY KEY, at timestamptz, kind text);
CREATE INDEX events_at ON cl.events (at);
CREATE INDEX events_kind ON cl.events (kind);
ALTER TABLE cl.events CLUSTER ON events_at;
ALTER TABLE cl.events CLUSTER ON events_kind;
CREATE TABLE cl.other (id int PRIMARY KEY);
ALTER TABLE cl.other CLUSTER ON other_pkey;
CREATE TABLE cl.unmarked (id int PRIMARY KEY);
ALTER TABLE cl.unmarked CLUSTER ON unmarked_pkey;
ALTER TABLE cl.unmarked SET WITHOUT CLUSTER;
