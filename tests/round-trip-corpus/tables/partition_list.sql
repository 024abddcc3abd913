-- Customers partitioned by country with LIST, including NULL, multiple values per partition and a default.
CREATE SCHEMA geo_part;
CREATE TABLE geo_part.customers (
    id int NOT NULL,
    country text,
    name text
) PARTITION BY LIST (country);
CREATE TABLE geo_part.customers_nordic PARTITION OF geo_part.customers FOR VALUES IN ('SE', 'NO', 'DK', 'FI', 'IS');
CREATE TABLE geo_part.customers_us PARTITION OF geo_part.customers FOR VALUES IN ('US');
CREATE TABLE geo_part.customers_unknown PARTITION OF geo_part.customers FOR VALUES IN (NULL);
CREATE TABLE geo_part.customers_quoted PARTITION OF geo_part.customers FOR VALUES IN ('it''s', 'a b');
CREATE TABLE geo_part.customers_rest PARTITION OF geo_part.customers DEFAULT;
CREATE TABLE geo_part.flags (b boolean, v int) PARTITION BY LIST (b);
CREATE TABLE geo_part.flags_t PARTITION OF geo_part.flags FOR VALUES IN (true);
CREATE TABLE geo_part.flags_f PARTITION OF geo_part.flags FOR VALUES IN (false);
