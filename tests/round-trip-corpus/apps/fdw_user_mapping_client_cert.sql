-- Imitates postgres_fdw with certificate authentication (the setup the postgres_fdw docs describe for superuser-free mappings): user mappings naming client certificate and key file paths, no passwords.
-- roles: ap_fdw_cert_user
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE SERVER shard_1 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'shard-1.internal', dbname 'app', sslmode 'verify-full', sslrootcert '/etc/pki/root.crt');
CREATE USER MAPPING FOR ap_fdw_cert_user SERVER shard_1 OPTIONS (user 'app_reader', sslcert '/etc/pki/app_reader.crt', sslkey '/etc/pki/app_reader.key');
CREATE FOREIGN TABLE public.shard_1_events (id bigint, payload jsonb) SERVER shard_1 OPTIONS (table_name 'events');
