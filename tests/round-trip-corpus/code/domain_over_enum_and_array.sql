-- Domains over an enum (restricting to a subset) and over an array of the enum, with defaults.
CREATE SCHEMA wf;
CREATE TYPE wf.state AS ENUM ('draft', 'review', 'published', 'archived');
CREATE DOMAIN wf.live_state AS wf.state CHECK (VALUE IN ('review', 'published')) DEFAULT 'review';
CREATE DOMAIN wf.history AS wf.state[] NOT NULL DEFAULT '{}' CHECK (array_position(VALUE, NULL) IS NULL);
CREATE TABLE wf.docs (id int, st wf.live_state, hist wf.history);
CREATE FUNCTION wf.promote(s wf.live_state) RETURNS wf.live_state LANGUAGE sql IMMUTABLE
  AS $$SELECT 'published'::wf.live_state$$;
