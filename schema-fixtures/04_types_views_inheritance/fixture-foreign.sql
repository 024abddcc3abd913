-- Fixture 04, foreign data: the catalog's stock and price feeds live in other systems.
-- Covers: the postgres_fdw and file_fdw extensions in schema ext (their wrappers are
-- extension members: only the extension is dumped, plus a USAGE grant on postgres_fdw);
-- a wrapper not from an extension (no handler, with options, owner, comment, grants);
-- servers with TYPE and VERSION, non-secret options (host, port, dbname, fetch_size,
-- use_remote_estimate), owners, comments, USAGE grants and a REVOKE from the owner; user
-- mappings for a role, for a quoted role name and for PUBLIC, with non-secret options
-- (user, password_required); foreign tables with column options (column_name,
-- force_not_null), table options, NOT NULL, defaults, CHECK constraints (one NOT VALID),
-- per-column statistics, comments on table, column and constraint, owners, table and
-- column grants; a foreign table that inherits from a local table; a foreign partition of
-- a partitioned table; a view over a foreign table.
-- No option value here is a secret: secrets are written as placeholders by design, which
-- the round trip could not reproduce (see tests/tests/round_trip_foreign.rs).

CREATE EXTENSION postgres_fdw WITH SCHEMA ext;
CREATE EXTENSION file_fdw WITH SCHEMA ext;
GRANT USAGE ON FOREIGN DATA WRAPPER postgres_fdw TO flux_owner;

CREATE FOREIGN DATA WRAPPER legacy_feed OPTIONS (protocol 'ftp', retries '3');
COMMENT ON FOREIGN DATA WRAPPER legacy_feed IS 'Nightly feeds from the old ERP (no handler: catalog only)';
GRANT USAGE ON FOREIGN DATA WRAPPER legacy_feed TO flux_owner WITH GRANT OPTION;

-- ---------------------------------------------------------------- servers
CREATE SERVER warehouse FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host 'warehouse.internal', port '5433', dbname 'stock', fetch_size '1000',
             use_remote_estimate 'true');
ALTER SERVER warehouse OWNER TO flux_owner;
COMMENT ON SERVER warehouse IS 'Warehouse stock database';
GRANT USAGE ON FOREIGN SERVER warehouse TO flux_reader;

CREATE SERVER "Price Files" FOREIGN DATA WRAPPER file_fdw;
REVOKE USAGE ON FOREIGN SERVER "Price Files" FROM postgres;
GRANT USAGE ON FOREIGN SERVER "Price Files" TO "Flux Admin";

CREATE SERVER erp TYPE 'erp' VERSION '7.2' FOREIGN DATA WRAPPER legacy_feed
    OPTIONS (host 'erp.internal');

-- ---------------------------------------------------------------- user mappings
CREATE USER MAPPING FOR flux_owner SERVER warehouse OPTIONS (user 'app');
CREATE USER MAPPING FOR "Flux Admin" SERVER warehouse OPTIONS (user 'admin', password_required 'false');
CREATE USER MAPPING FOR PUBLIC SERVER warehouse OPTIONS (user 'readonly');
CREATE USER MAPPING FOR PUBLIC SERVER erp;

-- ---------------------------------------------------------------- foreign tables
CREATE SCHEMA remote AUTHORIZATION flux_owner;
COMMENT ON SCHEMA remote IS 'Tables that live in other systems';
GRANT USAGE ON SCHEMA remote TO flux_reader;

CREATE FOREIGN TABLE remote.stock (
    sku varchar(32) OPTIONS (column_name 'item_sku') NOT NULL,
    warehouse_id integer NOT NULL DEFAULT 1,
    on_hand integer CONSTRAINT stock_on_hand_nonneg CHECK (on_hand >= 0),
    counted_at timestamp with time zone DEFAULT now(),
    "Bin" text COLLATE "C"
) SERVER warehouse OPTIONS (schema_name 'inventory', table_name 'stock_levels', fetch_size '500');
ALTER FOREIGN TABLE remote.stock ADD CONSTRAINT stock_bin_short CHECK (length("Bin") < 16) NOT VALID;
ALTER FOREIGN TABLE remote.stock ALTER COLUMN on_hand SET STATISTICS 200;
ALTER FOREIGN TABLE remote.stock OWNER TO flux_owner;
COMMENT ON FOREIGN TABLE remote.stock IS 'Stock levels, read live from the warehouse';
COMMENT ON COLUMN remote.stock.sku IS 'Called item_sku over there';
COMMENT ON CONSTRAINT stock_on_hand_nonneg ON remote.stock IS 'Assumed, not enforced';
GRANT SELECT ON remote.stock TO flux_reader;
GRANT SELECT (sku, on_hand), UPDATE (on_hand) ON remote.stock TO "Flux Admin";

CREATE FOREIGN TABLE remote.price_feed (
    sku text OPTIONS (force_not_null 'true'),
    price numeric(12,2),
    currency character(3)
) SERVER "Price Files" OPTIONS (filename '/var/feeds/prices.csv', format 'csv', header 'true');
COMMENT ON FOREIGN TABLE remote.price_feed IS 'Daily price file';

-- A foreign child of a local table: old audit records live in the ERP.
CREATE FOREIGN TABLE remote.audit_archive (
    archived_on date,
    modified_by text OPTIONS (column_name 'user_name')
) INHERITS (catalog.auditable) SERVER erp OPTIONS (feed 'audit');
ALTER FOREIGN TABLE remote.audit_archive ALTER COLUMN modified_at SET DEFAULT now();

-- A partitioned table whose old partition is remote.
CREATE TABLE remote.movements (
    sku varchar(32) NOT NULL,
    moved_on date NOT NULL,
    quantity integer
) PARTITION BY RANGE (moved_on);
ALTER TABLE remote.movements OWNER TO flux_owner;
CREATE TABLE remote.movements_current PARTITION OF remote.movements
    FOR VALUES FROM ('2024-01-01') TO (MAXVALUE);
CREATE FOREIGN TABLE remote.movements_old PARTITION OF remote.movements
    FOR VALUES FROM (MINVALUE) TO ('2024-01-01')
    SERVER warehouse OPTIONS (table_name 'movements_before_2024');
ALTER FOREIGN TABLE remote.movements_old ALTER COLUMN quantity OPTIONS (column_name 'qty');

CREATE VIEW remote.low_stock AS
    SELECT sku, warehouse_id, on_hand FROM remote.stock WHERE on_hand < 10;
ALTER VIEW remote.low_stock OWNER TO flux_owner;
