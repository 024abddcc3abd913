-- UNIQUE NULLS NOT DISTINCT constraints and unique indexes (15+).
-- min-major: 15
CREATE SCHEMA uqn;
CREATE TABLE uqn.codes (
    id int PRIMARY KEY,
    region text,
    code text,
    CONSTRAINT codes_region_code UNIQUE NULLS NOT DISTINCT (region, code),
    CONSTRAINT codes_code_distinct UNIQUE NULLS DISTINCT (code)
);
CREATE UNIQUE INDEX codes_lower_region ON uqn.codes (lower(region)) NULLS NOT DISTINCT;
CREATE UNIQUE INDEX codes_partial ON uqn.codes (code) NULLS NOT DISTINCT WHERE id > 100;
