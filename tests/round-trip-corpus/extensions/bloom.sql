-- A wide lookup table with a bloom index over several columns; the access method handler's EXECUTE revoked from PUBLIC.
-- roles: px_bloom
CREATE EXTENSION bloom;
REVOKE EXECUTE ON FUNCTION public.blhandler(internal) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.blhandler(internal) TO px_bloom;
CREATE TABLE public.wide (a int, b int, c int, d text);
CREATE INDEX wide_bloom ON public.wide USING bloom (a, b, c, d) WITH (length = 80, col1 = 2, col2 = 2, col3 = 4);
