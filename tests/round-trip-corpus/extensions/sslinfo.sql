-- sslinfo with the client certificate functions kept from PUBLIC and granted to an auditing role.
-- roles: px_ssl
CREATE EXTENSION sslinfo;
REVOKE EXECUTE ON FUNCTION public.ssl_client_dn() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.ssl_client_dn_field(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.ssl_client_dn(), public.ssl_client_dn_field(text) TO px_ssl;
CREATE VIEW public.conn_info AS SELECT public.ssl_is_used() AS ssl, public.ssl_version() AS version;
