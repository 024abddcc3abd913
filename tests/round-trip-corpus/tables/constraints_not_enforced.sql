-- CHECK and FOREIGN KEY constraints declared NOT ENFORCED (18+).
-- min-major: 18
CREATE SCHEMA ne;
CREATE TABLE ne.parents (id int PRIMARY KEY);
CREATE TABLE ne.kids (
    id int PRIMARY KEY,
    parent_id int,
    age int,
    CONSTRAINT kids_age CHECK (age >= 0) NOT ENFORCED,
    CONSTRAINT kids_parent FOREIGN KEY (parent_id) REFERENCES ne.parents NOT ENFORCED
);
ALTER TABLE ne.kids ADD CONSTRAINT kids_age_small CHECK (age < 200) ENFORCED;
