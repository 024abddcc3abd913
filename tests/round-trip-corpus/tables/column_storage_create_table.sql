-- STORAGE and COMPRESSION written inline in CREATE TABLE (STORAGE inline is 16+).
-- min-major: 16
CREATE SCHEMA colt16;
CREATE TABLE colt16.t (
    id int,
    a text STORAGE EXTERNAL,
    b text STORAGE MAIN COMPRESSION pglz,
    c bytea STORAGE DEFAULT
);
