-- pg_walinspect (15+) in a tools schema: a WAL function moved from pg_read_server_files to a custom role.
-- min-major: 15
-- roles: px_wal
CREATE SCHEMA wal;
CREATE EXTENSION pg_walinspect SCHEMA wal;
REVOKE EXECUTE ON FUNCTION wal.pg_get_wal_record_info(pg_lsn) FROM pg_read_server_files;
GRANT EXECUTE ON FUNCTION wal.pg_get_wal_record_info(pg_lsn) TO px_wal;
