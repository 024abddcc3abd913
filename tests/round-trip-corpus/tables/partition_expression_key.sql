-- Partition keys that are expressions, use a collation, or a non-default operator class.
CREATE SCHEMA pk_expr;
CREATE TABLE pk_expr.users (id int, email text NOT NULL) PARTITION BY LIST (lower(left(email, 1)));
CREATE TABLE pk_expr.users_a PARTITION OF pk_expr.users FOR VALUES IN ('a');
CREATE TABLE pk_expr.users_other PARTITION OF pk_expr.users DEFAULT;
CREATE TABLE pk_expr.logs (at timestamp NOT NULL, msg text) PARTITION BY RANGE ((at::date));
CREATE TABLE pk_expr.logs_2024 PARTITION OF pk_expr.logs FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE pk_expr.names (n text) PARTITION BY RANGE (n COLLATE "C");
CREATE TABLE pk_expr.names_am PARTITION OF pk_expr.names FOR VALUES FROM ('A') TO ('N');
CREATE TABLE pk_expr.years (d date, y int) PARTITION BY RANGE (extract(year FROM d), y);
CREATE TABLE pk_expr.years_1 PARTITION OF pk_expr.years FOR VALUES FROM (2000, 0) TO (2010, 0);
CREATE TABLE pk_expr.patterns (t text) PARTITION BY HASH (t text_pattern_ops);
CREATE TABLE pk_expr.patterns_0 PARTITION OF pk_expr.patterns FOR VALUES WITH (MODULUS 1, REMAINDER 0);
