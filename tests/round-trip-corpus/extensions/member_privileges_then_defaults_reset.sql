-- Defaults revoked while extensions were created, then restored: objects made afterwards get normal privileges.
-- roles: px_reset
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
CREATE EXTENSION ltree;
CREATE EXTENSION intarray;
ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO PUBLIC;
GRANT EXECUTE ON FUNCTION public.nlevel(ltree) TO PUBLIC;
GRANT EXECUTE ON FUNCTION public.subltree(ltree, integer, integer) TO px_reset;
CREATE FUNCTION public.depth(p ltree) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT public.nlevel(p)';
CREATE TABLE public.nodes (path ltree, ids int[]);
CREATE INDEX nodes_depth ON public.nodes (public.depth(path));
CREATE INDEX nodes_ids ON public.nodes USING gist (ids gist__int_ops);
