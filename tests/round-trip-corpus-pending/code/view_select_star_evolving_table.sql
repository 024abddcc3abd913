-- A SELECT * view frozen at creation while its table later gains, renames and drops columns, and is renamed.
CREATE SCHEMA evolve;
CREATE TABLE evolve.customers (id int, name text, legacy text, email text);
CREATE VIEW evolve.all_customers AS SELECT * FROM evolve.customers;
CREATE VIEW evolve.names AS SELECT c.name FROM evolve.customers c;
ALTER TABLE evolve.customers ADD COLUMN phone text;
ALTER TABLE evolve.customers RENAME COLUMN name TO full_name;
ALTER TABLE evolve.customers DROP COLUMN legacy CASCADE;
ALTER TABLE evolve.customers RENAME TO clients;
CREATE VIEW evolve.all_clients AS SELECT * FROM evolve.clients;
