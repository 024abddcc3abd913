-- Imitates an event-sourcing store (Marten / Eventide message-db style): streams + events range-partitioned by month with a default partition, optimistic version uniqueness, an append_event function and NOTIFY on append.
CREATE SCHEMA es;
CREATE TABLE es.streams (
  id uuid PRIMARY KEY,
  type text NOT NULL,
  version bigint NOT NULL DEFAULT 0 CHECK (version >= 0),
  created_at timestamptz NOT NULL DEFAULT transaction_timestamp(),
  is_archived boolean NOT NULL DEFAULT false
);
CREATE TABLE es.events (
  seq_id bigint GENERATED ALWAYS AS IDENTITY,
  stream_id uuid NOT NULL,
  version bigint NOT NULL,
  type varchar(500) NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}',
  timestamp timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (seq_id, timestamp),
  CONSTRAINT events_version_positive CHECK (version > 0)
) PARTITION BY RANGE (timestamp);
COMMENT ON TABLE es.events IS 'append-only event log, one partition per month';
CREATE TABLE es.events_2024_01 PARTITION OF es.events FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2024-02-01 00:00:00+00');
CREATE TABLE es.events_2024_02 PARTITION OF es.events FOR VALUES FROM ('2024-02-01 00:00:00+00') TO ('2024-03-01 00:00:00+00');
CREATE TABLE es.events_2024_03 PARTITION OF es.events FOR VALUES FROM ('2024-03-01 00:00:00+00') TO ('2024-04-01 00:00:00+00');
CREATE TABLE es.events_default PARTITION OF es.events DEFAULT;
CREATE TABLE es.events_2023 (LIKE es.events INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE es.events ATTACH PARTITION es.events_2023 FOR VALUES FROM (MINVALUE) TO ('2024-01-01 00:00:00+00');
ALTER TABLE es.events_2024_01 SET (autovacuum_enabled = false, fillfactor = 100);
CREATE TABLE es.snapshots (
  stream_id uuid NOT NULL REFERENCES es.streams ON DELETE CASCADE,
  version bigint NOT NULL,
  state jsonb NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (stream_id, version)
);
CREATE TABLE es.projections (
  name text PRIMARY KEY,
  last_seq_id bigint NOT NULL DEFAULT 0,
  updated_at timestamptz
);
CREATE FUNCTION es.append_event(p_stream uuid, p_stream_type text, p_expected bigint, p_type text, p_data jsonb, p_meta jsonb DEFAULT '{}')
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_version bigint;
  v_seq bigint;
BEGIN
  INSERT INTO es.streams (id, type) VALUES (p_stream, p_stream_type) ON CONFLICT (id) DO NOTHING;
  UPDATE es.streams SET version = version + 1 WHERE id = p_stream AND version = p_expected RETURNING version INTO v_version;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'concurrency conflict on stream %', p_stream USING ERRCODE = 'serialization_failure';
  END IF;
  INSERT INTO es.events (stream_id, version, type, data, metadata) VALUES (p_stream, v_version, p_type, p_data, p_meta) RETURNING seq_id INTO v_seq;
  PERFORM pg_notify('es_events', p_stream::text || ':' || v_version);
  RETURN v_seq;
END $$;
CREATE FUNCTION es.read_stream(p_stream uuid, p_from bigint DEFAULT 0)
RETURNS TABLE (version bigint, type varchar, data jsonb, "timestamp" timestamptz)
LANGUAGE sql STABLE AS $$
  SELECT e.version, e.type, e.data, e.timestamp FROM es.events e WHERE e.stream_id = p_stream AND e.version > p_from ORDER BY e.version
$$;
CREATE VIEW es.stream_heads AS SELECT s.id, s.type, s.version, max(e.timestamp) AS last_event_at FROM es.streams s LEFT JOIN es.events e ON e.stream_id = s.id GROUP BY s.id;
