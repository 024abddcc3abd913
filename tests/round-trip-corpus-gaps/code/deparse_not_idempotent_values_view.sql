-- pg_dump-inherent: a view defined as a bare VALUES list deparses as FROM (VALUES ..) "*VALUES*", which re-deparses as FROM ( VALUES ..).
CREATE SCHEMA dvv;
CREATE VIEW dvv.vals(a, b) AS VALUES (1, 'x'::text), (2, 'y');
