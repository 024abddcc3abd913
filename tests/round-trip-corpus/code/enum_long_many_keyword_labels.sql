-- A country-code style enum with many values, 63-byte labels, SQL keywords as labels, and an array-of-enum default.
CREATE SCHEMA ref;
CREATE TYPE ref.kw AS ENUM ('select', 'from', 'NULL', 'null', 'true', 'DEFAULT', 'user', 'order');
CREATE TYPE ref.long_labels AS ENUM (
  'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJK');
CREATE TYPE ref.many AS ENUM ('v01','v02','v03','v04','v05','v06','v07','v08','v09','v10','v11','v12','v13','v14','v15','v16','v17','v18','v19','v20');
ALTER TYPE ref.many ADD VALUE 'v10a' AFTER 'v10';
ALTER TYPE ref.many ADD VALUE 'v00' BEFORE 'v01';
ALTER TYPE ref.many ADD VALUE 'v10b' BEFORE 'v11';
CREATE TABLE ref.t (k ref.kw DEFAULT 'NULL', ks ref.kw[] DEFAULT ARRAY['select', 'from']::ref.kw[], m ref.many);
