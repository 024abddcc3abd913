-- A category tree in ltree paths with GiST and btree indexes; subpath locked down and the ltree type given with grant option.
-- roles: px_ltree, px_ltree_sub
CREATE SCHEMA tree;
CREATE EXTENSION ltree SCHEMA tree;
GRANT USAGE ON SCHEMA tree TO px_ltree, px_ltree_sub;
REVOKE EXECUTE ON FUNCTION tree.subpath(tree.ltree, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tree.subpath(tree.ltree, integer, integer) TO px_ltree;
GRANT USAGE ON TYPE tree.ltree TO px_ltree WITH GRANT OPTION;
SET ROLE px_ltree;
GRANT USAGE ON TYPE tree.ltree TO px_ltree_sub;
RESET ROLE;
CREATE TABLE public.categories (id int, path tree.ltree NOT NULL);
CREATE INDEX categories_path_gist ON public.categories USING gist (path tree.gist_ltree_ops (siglen = 100));
CREATE INDEX categories_path ON public.categories (path);
