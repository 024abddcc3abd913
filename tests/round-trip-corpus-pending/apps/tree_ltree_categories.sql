-- Imitates an e-commerce category tree on ltree (as in Spree/Saleor-style catalogs): path column with gist and btree indexes, subtree views, a trigger that keeps paths in sync and lquery-based functions.
CREATE EXTENSION IF NOT EXISTS ltree;
CREATE TABLE public.categories (
  id serial PRIMARY KEY,
  parent_id integer REFERENCES public.categories (id) ON DELETE CASCADE,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9_]+$'),
  name text NOT NULL,
  path ltree,
  UNIQUE (parent_id, slug)
);
CREATE INDEX categories_path_gist ON public.categories USING gist (path);
CREATE INDEX categories_path_btree ON public.categories USING btree (path);
CREATE INDEX categories_nlevel ON public.categories ((nlevel(path)));
CREATE FUNCTION public.categories_set_path() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_path ltree;
BEGIN
  IF NEW.parent_id IS NULL THEN
    NEW.path := text2ltree(NEW.slug);
  ELSE
    SELECT path INTO parent_path FROM public.categories WHERE id = NEW.parent_id;
    IF parent_path IS NULL THEN
      RAISE EXCEPTION 'invalid parent %', NEW.parent_id;
    END IF;
    NEW.path := parent_path || text2ltree(NEW.slug);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER categories_path BEFORE INSERT OR UPDATE OF parent_id, slug ON public.categories FOR EACH ROW EXECUTE FUNCTION public.categories_set_path();
CREATE TABLE public.products (
  id bigserial PRIMARY KEY,
  category_id integer NOT NULL REFERENCES public.categories,
  title text NOT NULL
);
CREATE FUNCTION public.category_descendants(p_path ltree) RETURNS SETOF public.categories LANGUAGE sql STABLE AS $$
  SELECT * FROM public.categories WHERE path <@ p_path ORDER BY path
$$;
CREATE FUNCTION public.categories_matching(q lquery) RETURNS SETOF public.categories LANGUAGE sql STABLE AS $$
  SELECT * FROM public.categories WHERE path ~ q
$$;
CREATE VIEW public.category_breadcrumbs AS
  SELECT c.id, array_agg(a.name ORDER BY nlevel(a.path)) AS crumbs
  FROM public.categories c JOIN public.categories a ON a.path @> c.path
  GROUP BY c.id;
CREATE VIEW public.category_product_counts AS
  SELECT c.id, c.path, (SELECT count(*) FROM public.products p JOIN public.categories d ON d.id = p.category_id WHERE d.path <@ c.path) AS products
  FROM public.categories c;
