-- Foreign keys with every ON DELETE / ON UPDATE action combination in common use.
CREATE SCHEMA fka;
CREATE TABLE fka.parent (id int PRIMARY KEY, code text UNIQUE);
CREATE TABLE fka.child (
    id int PRIMARY KEY,
    p_cascade int REFERENCES fka.parent ON DELETE CASCADE ON UPDATE CASCADE,
    p_restrict int REFERENCES fka.parent ON DELETE RESTRICT ON UPDATE RESTRICT,
    p_noaction int REFERENCES fka.parent ON DELETE NO ACTION,
    p_setnull int REFERENCES fka.parent ON DELETE SET NULL ON UPDATE SET NULL,
    p_setdefault int DEFAULT 0 REFERENCES fka.parent ON DELETE SET DEFAULT ON UPDATE SET DEFAULT,
    p_code text REFERENCES fka.parent (code) ON UPDATE CASCADE ON DELETE SET NULL,
    p_mixed int,
    CONSTRAINT child_mixed_fk FOREIGN KEY (p_mixed) REFERENCES fka.parent (id) ON UPDATE RESTRICT ON DELETE CASCADE
);
