-- The live database of the editor tests of completion, references and rename: a schema `app`
-- with rows to keep through a column rename, and a table nobody wrote to source (`app.audit`).
CREATE SCHEMA app;
CREATE TABLE app.customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE INDEX customers_name ON app.customers (name);
CREATE TABLE app.orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES app.customers (id), total numeric);
CREATE VIEW app.named AS SELECT id, name FROM app.customers;
CREATE TABLE app.audit (at timestamptz);
INSERT INTO app.customers VALUES (1, 'ada'), (2, 'grace');
