-- Columns tuned with SET STORAGE (PLAIN/EXTERNAL/EXTENDED/MAIN), SET STATISTICS and per-column n_distinct.
CREATE SCHEMA colt;
CREATE TABLE colt.docs (
    id int,
    title text,
    body text,
    summary text,
    raw bytea,
    fixed int,
    tags text[]
);
ALTER TABLE colt.docs ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE colt.docs ALTER COLUMN summary SET STORAGE MAIN;
ALTER TABLE colt.docs ALTER COLUMN raw SET STORAGE PLAIN;
ALTER TABLE colt.docs ALTER COLUMN tags SET STORAGE EXTERNAL;
ALTER TABLE colt.docs ALTER COLUMN title SET STATISTICS 1000;
ALTER TABLE colt.docs ALTER COLUMN id SET STATISTICS 0;
ALTER TABLE colt.docs ALTER COLUMN fixed SET (n_distinct = -0.5, n_distinct_inherited = 100);
CREATE INDEX docs_lower_title ON colt.docs (lower(title));
ALTER INDEX colt.docs_lower_title ALTER COLUMN 1 SET STATISTICS 500;
