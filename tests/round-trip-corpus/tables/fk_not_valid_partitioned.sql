-- A NOT VALID foreign key on a partitioned table (18+), and one on a plain table referencing a partitioned table.
-- min-major: 18
CREATE SCHEMA fnp;
CREATE TABLE fnp.users (id int PRIMARY KEY);
CREATE TABLE fnp.events (user_id int, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE fnp.events_1 PARTITION OF fnp.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE fnp.events ADD CONSTRAINT events_user FOREIGN KEY (user_id) REFERENCES fnp.users NOT VALID;
