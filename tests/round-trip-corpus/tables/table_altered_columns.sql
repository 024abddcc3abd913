-- A table that grew over time: dropped columns, retyped columns, renamed columns, fast defaults added later.
CREATE SCHEMA evo;
CREATE TABLE evo.accounts (id int, old_name varchar(10), balance int, legacy text, created date);
INSERT INTO evo.accounts VALUES (1, 'a', 10, 'x', '2020-01-01');
ALTER TABLE evo.accounts DROP COLUMN legacy;
ALTER TABLE evo.accounts RENAME COLUMN old_name TO name;
ALTER TABLE evo.accounts ALTER COLUMN name TYPE varchar(200);
ALTER TABLE evo.accounts ALTER COLUMN balance TYPE numeric(12, 2) USING balance::numeric;
ALTER TABLE evo.accounts ADD COLUMN status text NOT NULL DEFAULT 'active';
ALTER TABLE evo.accounts ADD COLUMN flags int[] DEFAULT '{}';
ALTER TABLE evo.accounts ADD COLUMN updated timestamptz DEFAULT now();
ALTER TABLE evo.accounts ALTER COLUMN created SET DEFAULT CURRENT_DATE;
ALTER TABLE evo.accounts ADD PRIMARY KEY (id);
ALTER TABLE evo.accounts RENAME TO customer_accounts;
