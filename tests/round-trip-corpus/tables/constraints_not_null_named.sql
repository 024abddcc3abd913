-- Named NOT NULL constraints, NOT VALID and NO INHERIT not-null constraints as cataloged on 18.
-- min-major: 18
CREATE SCHEMA nn18;
CREATE TABLE nn18.parent (
    id int CONSTRAINT parent_id_required NOT NULL,
    code text CONSTRAINT parent_code_nn NOT NULL NO INHERIT,
    late int
);
ALTER TABLE nn18.parent ADD CONSTRAINT parent_late_nn NOT NULL late NOT VALID;
CREATE TABLE nn18.child (extra int) INHERITS (nn18.parent);
CREATE TABLE nn18.t2 (a int, b int);
ALTER TABLE nn18.t2 ADD CONSTRAINT t2_a_nn NOT NULL a;
