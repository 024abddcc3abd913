-- min-major: 17
-- Domains with named NOT NULL constraints (cataloged in pg_constraint since 17) and a NOT VALID check.
CREATE SCHEMA nn;
CREATE DOMAIN nn.required_text AS text CONSTRAINT rt_nn NOT NULL CONSTRAINT rt_nonempty CHECK (VALUE <> '');
CREATE DOMAIN nn.required_int AS int NOT NULL;
CREATE DOMAIN nn.later AS int;
ALTER DOMAIN nn.later SET NOT NULL;
ALTER DOMAIN nn.later ADD CONSTRAINT later_pos CHECK (VALUE > 0) NOT VALID;
COMMENT ON CONSTRAINT rt_nn ON DOMAIN nn.required_text IS 'never null';
CREATE TABLE nn.t (a nn.required_text, b nn.required_int, c nn.later);
