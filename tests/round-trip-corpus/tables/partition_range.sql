-- Time-series events partitioned by month with RANGE, multi-column bounds and MINVALUE/MAXVALUE.
CREATE SCHEMA ts;
CREATE TABLE ts.events (
    id bigint NOT NULL,
    at timestamptz NOT NULL,
    kind text,
    payload jsonb
) PARTITION BY RANGE (at);
CREATE TABLE ts.events_2024_01 PARTITION OF ts.events FOR VALUES FROM ('2024-01-01 00:00+00') TO ('2024-02-01 00:00+00');
CREATE TABLE ts.events_2024_02 PARTITION OF ts.events FOR VALUES FROM ('2024-02-01 00:00+00') TO ('2024-03-01 00:00+00');
CREATE TABLE ts.events_old PARTITION OF ts.events FOR VALUES FROM (MINVALUE) TO ('2024-01-01 00:00+00');
CREATE TABLE ts.grid (x int, y int, v text) PARTITION BY RANGE (x, y);
CREATE TABLE ts.grid_low PARTITION OF ts.grid FOR VALUES FROM (MINVALUE, MINVALUE) TO (0, 0);
CREATE TABLE ts.grid_mid PARTITION OF ts.grid FOR VALUES FROM (0, 0) TO (100, MAXVALUE);
CREATE TABLE ts.grid_high PARTITION OF ts.grid FOR VALUES FROM (100, MAXVALUE) TO (MAXVALUE, MAXVALUE);
CREATE INDEX events_at_kind ON ts.events (at, kind);
