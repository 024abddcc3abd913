-- Product attributes in an hstore column with a GIN index and a GiST index; member functions and the type re-granted.
-- roles: px_hstore, px_hstore_ro
CREATE EXTENSION hstore;
REVOKE EXECUTE ON FUNCTION public.akeys(hstore) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.akeys(hstore) TO px_hstore;
REVOKE EXECUTE ON FUNCTION public.delete(hstore, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.delete(hstore, text) TO px_hstore WITH GRANT OPTION;
SET ROLE px_hstore;
GRANT EXECUTE ON FUNCTION public.delete(hstore, text) TO px_hstore_ro;
RESET ROLE;
CREATE TABLE public.products (id int, attrs hstore DEFAULT ''::hstore);
CREATE INDEX products_attrs_gin ON public.products USING gin (attrs);
CREATE INDEX products_attrs_gist ON public.products USING gist (attrs gist_hstore_ops (siglen = 32));
