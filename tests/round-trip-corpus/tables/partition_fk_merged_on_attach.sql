-- A table that already had the same foreign key as the partitioned parent is attached, so the keys merge.
CREATE SCHEMA pfm;
CREATE TABLE pfm.customers (id int PRIMARY KEY);
CREATE TABLE pfm.orders (id int, customer_id int, at date NOT NULL,
    CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES pfm.customers) PARTITION BY RANGE (at);
CREATE TABLE pfm.orders_old (id int, customer_id int, at date NOT NULL,
    CONSTRAINT orders_old_customer_fk FOREIGN KEY (customer_id) REFERENCES pfm.customers);
ALTER TABLE pfm.orders ATTACH PARTITION pfm.orders_old FOR VALUES FROM (MINVALUE) TO ('2024-01-01');
CREATE TABLE pfm.orders_new PARTITION OF pfm.orders FOR VALUES FROM ('2024-01-01') TO (MAXVALUE);
