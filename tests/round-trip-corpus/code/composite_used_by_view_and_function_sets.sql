-- A composite type as the return shape of several API functions and a view that expands it.
CREATE SCHEMA kpi;
CREATE TYPE kpi.metric AS (name text, value numeric, unit text);
CREATE FUNCTION kpi.metrics() RETURNS SETOF kpi.metric LANGUAGE sql STABLE ROWS 3
  AS $$VALUES ('users', 10, 'count'), ('revenue', 99.5, 'eur'), ('latency', 0.2, 's')$$;
CREATE FUNCTION kpi.metric_of(n text) RETURNS kpi.metric LANGUAGE sql AS 'SELECT * FROM kpi.metrics() WHERE name = n';
CREATE VIEW kpi.dashboard AS SELECT m.name, m.value, (kpi.metric_of(m.name)).unit FROM kpi.metrics() m;
CREATE FUNCTION kpi.to_text(m kpi.metric) RETURNS text LANGUAGE sql AS $$SELECT m.name || '=' || m.value || m.unit$$;
