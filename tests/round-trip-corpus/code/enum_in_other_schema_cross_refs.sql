-- Types shared across schemas: an enum in a "types" schema used by tables, a range, a composite and functions elsewhere.
CREATE SCHEMA types;
CREATE SCHEMA app;
CREATE TYPE types.level AS ENUM ('debug', 'info', 'warn', 'error');
CREATE TYPE types.levelrange AS RANGE (SUBTYPE = types.level);
CREATE TYPE app.entry AS (lvl types.level, msg text);
CREATE TABLE app.logs (id int, e app.entry, lv types.level DEFAULT 'info', window_ types.levelrange);
CREATE FUNCTION app.at_least(l types.level, r types.levelrange DEFAULT '[info,)') RETURNS boolean
  LANGUAGE sql IMMUTABLE AS 'SELECT r @> l';
ALTER TYPE types.level ADD VALUE 'fatal' AFTER 'error';
ALTER TYPE types.level ADD VALUE 'trace' BEFORE 'debug';
