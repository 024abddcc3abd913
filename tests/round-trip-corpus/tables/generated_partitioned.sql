-- A partitioned table with a stored generated column and partitions created and attached.
CREATE SCHEMA gp;
CREATE TABLE gp.sales (
    id int NOT NULL,
    sold date NOT NULL,
    amount numeric NOT NULL,
    tax numeric GENERATED ALWAYS AS (amount * 0.1) STORED
) PARTITION BY RANGE (sold);
CREATE TABLE gp.sales_2023 PARTITION OF gp.sales FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE gp.sales_2024 PARTITION OF gp.sales FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
