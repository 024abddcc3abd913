-- Imitates the common "accent-insensitive search" recipe (Django/Rails apps for French/Spanish/Portuguese content): unaccent in an extensions schema, an IMMUTABLE wrapper function pinned to the dictionary, expression indexes and a generated column using the wrapper.
CREATE SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA extensions;
CREATE FUNCTION public.f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $func$
  SELECT extensions.unaccent('extensions.unaccent'::regdictionary, $1)
$func$;
COMMENT ON FUNCTION public.f_unaccent(text) IS 'immutable wrapper so unaccent can be indexed';
CREATE TABLE public.places (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  city text NOT NULL,
  name_folded text GENERATED ALWAYS AS (lower(public.f_unaccent(name))) STORED
);
CREATE INDEX places_name_unaccent_idx ON public.places (lower(public.f_unaccent(name)) text_pattern_ops);
CREATE INDEX places_city_unaccent_idx ON public.places (public.f_unaccent(city));
CREATE INDEX places_name_folded_idx ON public.places (name_folded);
CREATE FUNCTION public.search_places(q text) RETURNS SETOF public.places LANGUAGE sql STABLE AS $$
  SELECT * FROM public.places WHERE lower(public.f_unaccent(name)) LIKE lower(public.f_unaccent(q)) || '%' ORDER BY name LIMIT 50
$$;
CREATE VIEW public.places_by_city AS SELECT public.f_unaccent(city) AS city_key, count(*) AS n FROM public.places GROUP BY 1;
