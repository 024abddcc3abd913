-- Types locked down by default (REVOKE USAGE ON TYPES FROM PUBLIC) after some were made: enums, domains, composites, ranges.
-- roles: pv_typer
CREATE SCHEMA t;
CREATE TYPE t.old_enum AS ENUM ('a', 'b');
CREATE DOMAIN t.old_dom AS int CHECK (VALUE > 0);
ALTER DEFAULT PRIVILEGES REVOKE USAGE ON TYPES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA t GRANT USAGE ON TYPES TO pv_typer;
CREATE TYPE t.new_enum AS ENUM ('x', 'y');
CREATE DOMAIN t.new_dom AS text NOT NULL;
CREATE TYPE t.new_comp AS (a int, b text);
CREATE TYPE t.new_range AS RANGE (subtype = float8);
CREATE DOMAIN public.new_pub_dom AS numeric(10, 2);
CREATE TABLE t.uses (e t.new_enum, d t.new_dom, c t.new_comp, r t.new_range);
