-- Imitates a sales-reporting schema using contrib tablefunc: crosstab-based pivot views and functions, normal_rand for test data helpers, and connectby for a category tree report.
CREATE EXTENSION IF NOT EXISTS tablefunc;
CREATE TABLE public.monthly_sales (region text NOT NULL, month int NOT NULL CHECK (month BETWEEN 1 AND 12), amount numeric(12,2) NOT NULL, PRIMARY KEY (region, month));
CREATE VIEW public.sales_pivot AS
  SELECT * FROM crosstab(
    'SELECT region, month, amount FROM public.monthly_sales ORDER BY 1, 2',
    'SELECT generate_series(1, 4)'
  ) AS ct(region text, jan numeric, feb numeric, mar numeric, apr numeric);
CREATE TABLE public.categories (id text PRIMARY KEY, parent_id text REFERENCES public.categories, pos int);
CREATE FUNCTION public.category_tree(root text) RETURNS TABLE (id text, parent_id text, level int, branch text) LANGUAGE sql STABLE AS $$
  SELECT * FROM connectby('public.categories', 'id', 'parent_id', root, 0, '~') AS t(id text, parent_id text, level int, branch text)
$$;
CREATE FUNCTION public.fake_amounts(n int) RETURNS SETOF float8 LANGUAGE sql VOLATILE AS $$ SELECT normal_rand(n, 100, 15) $$;
