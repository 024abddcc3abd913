-- An exclusion constraint on a partitioned table that includes the partition key with equality (17+).
-- min-major: 17
CREATE SCHEMA pex;
CREATE TABLE pex.bookings (room int4range NOT NULL, during tsrange NOT NULL,
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&)) PARTITION BY RANGE (room);
CREATE TABLE pex.bookings_low PARTITION OF pex.bookings FOR VALUES FROM ('[1,2)') TO ('[100,101)');
