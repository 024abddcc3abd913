-- Foreign keys declared on individual partitions only, and one on the parent inherited by every partition.
CREATE SCHEMA pfk;
CREATE TABLE pfk.users (id int PRIMARY KEY);
CREATE TABLE pfk.products (id int PRIMARY KEY);
CREATE TABLE pfk.events (user_id int, product_id int, kind text NOT NULL) PARTITION BY LIST (kind);
CREATE TABLE pfk.events_view PARTITION OF pfk.events FOR VALUES IN ('view');
CREATE TABLE pfk.events_buy PARTITION OF pfk.events FOR VALUES IN ('buy');
ALTER TABLE pfk.events_buy ADD CONSTRAINT events_buy_product FOREIGN KEY (product_id) REFERENCES pfk.products ON DELETE RESTRICT;
ALTER TABLE pfk.events ADD CONSTRAINT events_user FOREIGN KEY (user_id) REFERENCES pfk.users ON DELETE CASCADE;
CREATE TABLE pfk.events_late (kind text NOT NULL, user_id int, product_id int);
ALTER TABLE pfk.events ATTACH PARTITION pfk.events_late FOR VALUES IN ('late');
