-- A partitioned table whose partitions live in an archive schema and a schema with a quoted name.
CREATE SCHEMA live;
CREATE SCHEMA archive;
CREATE SCHEMA "Cold Storage";
CREATE TABLE live.tickets (id int NOT NULL, closed date, PRIMARY KEY (id, closed)) PARTITION BY RANGE (closed);
CREATE TABLE live.tickets_current PARTITION OF live.tickets FOR VALUES FROM ('2025-01-01') TO (MAXVALUE);
CREATE TABLE archive.tickets_2024 PARTITION OF live.tickets FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE "Cold Storage"."Tickets Before 2024" PARTITION OF live.tickets FOR VALUES FROM (MINVALUE) TO ('2024-01-01');
CREATE INDEX tickets_closed ON live.tickets (closed);
