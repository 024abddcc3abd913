-- A billing/network inventory table with money, inet, cidr, macaddr and macaddr8 columns.
CREATE SCHEMA netinv;
CREATE TABLE netinv.devices (
    id int PRIMARY KEY,
    price money DEFAULT 0,
    ip inet NOT NULL,
    subnet cidr DEFAULT '10.0.0.0/8',
    mac macaddr,
    mac8 macaddr8 UNIQUE,
    v6 inet DEFAULT '::1',
    CONSTRAINT devices_ip_in_subnet CHECK (ip << subnet OR subnet IS NULL)
);
CREATE INDEX devices_ip_gist ON netinv.devices USING gist (ip inet_ops);
CREATE INDEX devices_subnet_spgist ON netinv.devices USING spgist (subnet);
