-- Composite foreign keys referencing columns in a different order with ON UPDATE SET DEFAULT and MATCH FULL.
CREATE SCHEMA fkc;
CREATE TABLE fkc.versions (doc int, ver int, PRIMARY KEY (doc, ver), UNIQUE (ver, doc));
CREATE TABLE fkc.comments (
    id int PRIMARY KEY,
    v int DEFAULT 0,
    d int DEFAULT 0,
    FOREIGN KEY (v, d) REFERENCES fkc.versions (ver, doc) MATCH FULL ON UPDATE SET DEFAULT ON DELETE NO ACTION,
    FOREIGN KEY (d, v) REFERENCES fkc.versions ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED
);
