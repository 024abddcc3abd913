-- Imitates a blog/knowledge-base search setup (as in Ghost/Outline on Postgres): stored generated tsvector columns with setweight over builtin configurations, GIN indexes, websearch_to_tsquery search functions and ts_headline.
CREATE TABLE public.articles (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title text NOT NULL,
  summary text,
  body text NOT NULL DEFAULT '',
  language regconfig NOT NULL DEFAULT 'english',
  published boolean NOT NULL DEFAULT false,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('english'::regconfig, body), 'D')
  ) STORED,
  title_simple tsvector GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED
);
CREATE INDEX articles_search_idx ON public.articles USING gin (search);
CREATE INDEX articles_title_simple_idx ON public.articles USING gin (title_simple) WITH (fastupdate = off);
CREATE INDEX articles_published_search_idx ON public.articles USING gin (search) WHERE published;
CREATE INDEX articles_body_german_idx ON public.articles USING gin (to_tsvector('german'::regconfig, body));
CREATE TABLE public.tags (id serial PRIMARY KEY, name text NOT NULL UNIQUE, name_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', name)) STORED);
CREATE FUNCTION public.search_articles(q text, lim integer DEFAULT 20)
RETURNS TABLE (id bigint, title text, rank real, snippet text) LANGUAGE sql STABLE AS $$
  SELECT a.id, a.title, ts_rank_cd(a.search, query, 32) AS rank,
         ts_headline('english', a.body, query, 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2')
    FROM public.articles a, websearch_to_tsquery('english', q) query
   WHERE a.published AND a.search @@ query
   ORDER BY rank DESC
   LIMIT lim
$$;
CREATE FUNCTION public.suggest_titles(prefix text) RETURNS SETOF text LANGUAGE sql STABLE AS $$
  SELECT title FROM public.articles WHERE title_simple @@ to_tsquery('simple', quote_literal(prefix) || ':*') LIMIT 10
$$;
CREATE MATERIALIZED VIEW public.article_words AS
  SELECT word, ndoc, nentry FROM ts_stat('SELECT search FROM public.articles WHERE published') ORDER BY nentry DESC;
CREATE INDEX article_words_word ON public.article_words (word);
