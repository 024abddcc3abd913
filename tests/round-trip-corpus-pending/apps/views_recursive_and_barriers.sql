-- Imitates a CMS navigation/permissions layer: CREATE RECURSIVE VIEW for menu trees, security_barrier views with leakproof-sensitive predicates, views with column aliases lists, ORDER BY/LIMIT/DISTINCT ON/window clauses, VALUES-based lookup views and views over views over functions.
CREATE TABLE public.menu_items (id integer PRIMARY KEY, parent_id integer REFERENCES public.menu_items, label text NOT NULL, position integer NOT NULL DEFAULT 0, visible boolean NOT NULL DEFAULT true);
CREATE RECURSIVE VIEW public.menu_tree (id, label, depth, trail) AS
  SELECT id, label, 0, ARRAY[position] FROM public.menu_items WHERE parent_id IS NULL AND visible
  UNION ALL
  SELECT m.id, m.label, t.depth + 1, t.trail || m.position FROM public.menu_items m JOIN menu_tree t ON m.parent_id = t.id WHERE m.visible;
CREATE TABLE public.pages (id serial PRIMARY KEY, slug text NOT NULL UNIQUE, title text NOT NULL, body text, owner text NOT NULL, is_private boolean NOT NULL DEFAULT false, published_at timestamptz);
CREATE VIEW public.public_pages WITH (security_barrier = true) AS SELECT id, slug, title, published_at FROM public.pages WHERE NOT is_private AND published_at IS NOT NULL;
CREATE VIEW public.my_pages (page_id, page_slug, page_title) WITH (security_barrier) AS SELECT id, slug, title FROM public.pages WHERE owner = current_user;
CREATE VIEW public.latest_per_owner AS SELECT DISTINCT ON (owner) owner, id, title, published_at FROM public.pages WHERE published_at IS NOT NULL ORDER BY owner, published_at DESC;
CREATE VIEW public.top_pages AS SELECT id, title, rank() OVER w AS rnk, count(*) OVER () AS total FROM public.pages WINDOW w AS (ORDER BY published_at DESC NULLS LAST) ORDER BY rnk LIMIT 10 OFFSET 0;
CREATE FUNCTION public.page_word_count(p public.pages) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce(array_length(regexp_split_to_array(trim(p.body), '\s+'), 1), 0) $$;
CREATE VIEW public.page_metrics AS SELECT p.id, public.page_word_count(p) AS words, length(p.body) AS chars FROM public.pages p;
CREATE VIEW public.page_metrics_summary AS SELECT count(*) AS pages, avg(words)::numeric(10,1) AS avg_words, percentile_cont(0.5) WITHIN GROUP (ORDER BY words) AS median_words FROM public.page_metrics;
CREATE VIEW public.pages_grouping AS SELECT owner, is_private, count(*) FROM public.pages GROUP BY GROUPING SETS ((owner), (is_private), ());
CREATE VIEW public.pages_lateral AS SELECT p.id, w.word FROM public.pages p CROSS JOIN LATERAL unnest(string_to_array(p.title, ' ')) WITH ORDINALITY AS w(word, n) WHERE w.n <= 3;
