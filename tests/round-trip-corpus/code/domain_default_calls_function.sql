-- A domain whose DEFAULT calls user functions (an ID generator) and whose CHECK uses a regex and a cast.
CREATE SCHEMA ids;
CREATE SEQUENCE ids.counter;
CREATE FUNCTION ids.next_code() RETURNS text LANGUAGE sql
  AS $$SELECT 'ID-' || lpad(nextval('ids.counter')::text, 8, '0')$$;
CREATE DOMAIN ids.code AS text DEFAULT ids.next_code() CHECK (VALUE ~ '^ID-[0-9]{8}$' AND substr(VALUE, 4)::int > 0);
CREATE TABLE ids.things (code ids.code PRIMARY KEY, name text);
