-- Domains with defaults, NOT NULL and collations, as a codebase's "identifier" and "label" types.
CREATE SCHEMA core;
CREATE DOMAIN core.code AS varchar(16) COLLATE "C" NOT NULL DEFAULT 'none';
CREATE DOMAIN core.label AS text COLLATE "POSIX" DEFAULT '' CHECK (VALUE !~ '\s$');
CREATE DOMAIN core.created AS timestamptz NOT NULL DEFAULT now();
CREATE DOMAIN core.maybe AS int NULL;
CREATE TABLE core.things (id int, code core.code, label core.label, at core.created, m core.maybe);
