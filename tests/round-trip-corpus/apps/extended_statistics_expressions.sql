-- Imitates a PostgreSQL 14+ analytics table tuned with expression statistics: statistics on date_trunc/lower()/jsonb expressions and mixed column-plus-expression statistics.
-- min-major: 14
CREATE TABLE public.page_views (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  viewed_at timestamp NOT NULL,
  url text NOT NULL,
  referrer text,
  props jsonb NOT NULL DEFAULT '{}'
);
CREATE STATISTICS public.page_views_day ON (date_trunc('day', viewed_at)) FROM public.page_views;
CREATE STATISTICS public.page_views_host_day (ndistinct, dependencies) ON (lower(split_part(url, '/', 3))), (date_trunc('day', viewed_at)) FROM public.page_views;
CREATE STATISTICS public.page_views_props ON (props ->> 'utm_source'), (props ->> 'utm_medium'), referrer FROM public.page_views;
CREATE INDEX page_views_day_idx ON public.page_views (date_trunc('day', viewed_at));
