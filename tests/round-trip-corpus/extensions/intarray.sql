-- Tag ids in int[] columns with intarray's GiST (with siglen) and GIN opclasses; icount and the query_int type re-granted.
-- roles: px_intarray
CREATE SCHEMA ia;
CREATE EXTENSION intarray SCHEMA ia;
REVOKE EXECUTE ON FUNCTION ia.icount(integer[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ia.icount(integer[]) TO px_intarray;
REVOKE USAGE ON TYPE ia.query_int FROM PUBLIC;
GRANT USAGE ON TYPE ia.query_int TO px_intarray;
CREATE TABLE public.items (id int, tags int[]);
CREATE INDEX items_tags_gist ON public.items USING gist (tags ia.gist__intbig_ops (siglen = 64));
CREATE INDEX items_tags_gin ON public.items USING gin (tags ia.gin__int_ops);
CREATE TABLE public.saved_queries (q ia.query_int);
