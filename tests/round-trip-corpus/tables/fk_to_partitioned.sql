-- Foreign keys from a plain table and from a partitioned table to a partitioned table's primary key.
CREATE SCHEMA fkp;
CREATE TABLE fkp.accounts (id int, region text, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
CREATE TABLE fkp.accounts_eu PARTITION OF fkp.accounts FOR VALUES IN ('eu');
CREATE TABLE fkp.accounts_us PARTITION OF fkp.accounts FOR VALUES IN ('us');
CREATE TABLE fkp.payments (
    id int PRIMARY KEY,
    account_id int,
    region text,
    FOREIGN KEY (account_id, region) REFERENCES fkp.accounts ON DELETE CASCADE
);
CREATE TABLE fkp.ledger (
    at date NOT NULL,
    account_id int,
    region text,
    CONSTRAINT ledger_account FOREIGN KEY (account_id, region) REFERENCES fkp.accounts
) PARTITION BY RANGE (at);
CREATE TABLE fkp.ledger_2024 PARTITION OF fkp.ledger FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
