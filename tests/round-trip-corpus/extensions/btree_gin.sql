-- A GIN index mixing a scalar column (btree_gin) with an array column, extension in its own schema, created under revoked default EXECUTE.
-- roles: px_gin
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
CREATE SCHEMA gin_ext;
CREATE EXTENSION btree_gin SCHEMA gin_ext;
GRANT EXECUTE ON FUNCTION gin_ext.gin_numeric_cmp(numeric, numeric) TO px_gin;
REVOKE EXECUTE ON FUNCTION gin_ext.gin_enum_cmp(anyenum, anyenum) FROM px_gin;
GRANT EXECUTE ON FUNCTION gin_ext.gin_enum_cmp(anyenum, anyenum) TO PUBLIC;
CREATE TABLE public.docs (tenant int, tags text[], price numeric);
CREATE INDEX docs_tenant_tags ON public.docs USING gin (tenant, tags);
CREATE INDEX docs_price ON public.docs USING gin (price gin_ext.numeric_ops);
