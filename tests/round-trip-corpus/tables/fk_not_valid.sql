-- Foreign keys added NOT VALID over existing bad rows, one later validated.
CREATE SCHEMA fkn;
CREATE TABLE fkn.customers (id int PRIMARY KEY);
CREATE TABLE fkn.orders (id int PRIMARY KEY, customer_id int, referrer_id int);
INSERT INTO fkn.orders VALUES (1, 42, NULL);
ALTER TABLE fkn.orders ADD CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES fkn.customers NOT VALID;
ALTER TABLE fkn.orders ADD CONSTRAINT orders_referrer FOREIGN KEY (referrer_id) REFERENCES fkn.customers NOT VALID;
ALTER TABLE fkn.orders VALIDATE CONSTRAINT orders_referrer;
