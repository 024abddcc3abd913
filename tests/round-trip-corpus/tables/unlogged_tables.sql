-- A cache schema of UNLOGGED tables with indexes, identity and a foreign key between unlogged tables.
CREATE SCHEMA cache;
CREATE UNLOGGED TABLE cache.pages (
    url text PRIMARY KEY,
    body bytea,
    fetched timestamptz DEFAULT now()
);
CREATE UNLOGGED TABLE cache.hits (
    id bigint GENERATED ALWAYS AS IDENTITY,
    url text REFERENCES cache.pages ON DELETE CASCADE,
    at timestamptz
);
CREATE INDEX hits_at ON cache.hits (at);
CREATE TABLE cache.logged_then_unlogged (id int);
ALTER TABLE cache.logged_then_unlogged SET UNLOGGED;
CREATE UNLOGGED TABLE cache.unlogged_then_logged (id int);
ALTER TABLE cache.unlogged_then_logged SET LOGGED;
