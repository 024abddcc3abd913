-- uuid-ossp generating primary keys by default; v1 (MAC-leaking) generators revoked from PUBLIC.
-- roles: px_uuid
CREATE EXTENSION "uuid-ossp";
REVOKE EXECUTE ON FUNCTION public.uuid_generate_v1() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.uuid_generate_v1mc() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.uuid_generate_v1() TO px_uuid;
CREATE TABLE public.orders (id uuid PRIMARY KEY DEFAULT public.uuid_generate_v4(), ns uuid DEFAULT public.uuid_ns_url());
