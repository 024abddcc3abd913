-- Partitioned tables with primary keys, unique constraints and replica identity via the key.
CREATE SCHEMA pu;
CREATE TABLE pu.invoices (
    tenant int NOT NULL,
    id int NOT NULL,
    number text,
    CONSTRAINT invoices_pk PRIMARY KEY (tenant, id),
    CONSTRAINT invoices_number UNIQUE (tenant, number)
) PARTITION BY HASH (tenant);
CREATE TABLE pu.invoices_0 PARTITION OF pu.invoices FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE pu.invoices_1 PARTITION OF pu.invoices FOR VALUES WITH (MODULUS 2, REMAINDER 1);
ALTER TABLE pu.invoices_1 REPLICA IDENTITY USING INDEX invoices_1_pkey;
