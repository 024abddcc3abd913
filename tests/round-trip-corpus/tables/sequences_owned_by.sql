-- Sequences OWNED BY columns of other tables, a serial re-pointed, and a sequence owned by an identity-free column.
CREATE SCHEMA so;
CREATE TABLE so.orders (id bigint NOT NULL, number int);
CREATE SEQUENCE so.orders_id_seq AS bigint;
ALTER TABLE so.orders ALTER COLUMN id SET DEFAULT nextval('so.orders_id_seq');
ALTER SEQUENCE so.orders_id_seq OWNED BY so.orders.id;
CREATE SEQUENCE so.order_numbers AS integer START 1000;
ALTER TABLE so.orders ALTER COLUMN number SET DEFAULT nextval('so.order_numbers');
CREATE TABLE so.numbers_owner (x int);
ALTER SEQUENCE so.order_numbers OWNED BY so.numbers_owner.x;
CREATE TABLE so.s (id serial);
ALTER SEQUENCE so.s_id_seq OWNED BY NONE;
