-- NOT NULL columns added in CREATE TABLE, by ALTER TABLE SET NOT NULL, and dropped again.
CREATE SCHEMA nn;
CREATE TABLE nn.people (
    id int NOT NULL,
    name text NOT NULL,
    nick text NULL,
    born date,
    died date
);
ALTER TABLE nn.people ALTER COLUMN born SET NOT NULL;
ALTER TABLE nn.people ALTER COLUMN name DROP NOT NULL;
ALTER TABLE nn.people ADD COLUMN added_later int NOT NULL DEFAULT 0;
CREATE TABLE nn.pk_implies (a int, b int, PRIMARY KEY (a, b));
