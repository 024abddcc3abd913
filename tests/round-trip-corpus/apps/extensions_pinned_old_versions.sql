-- Imitates a database that has been pg_upgraded for years without ALTER EXTENSION UPDATE: contrib extensions (hstore, citext, cube) pinned to older versions in a dedicated schema, one updated part-way, with app objects depending on their types and functions.
CREATE SCHEMA contrib;
CREATE EXTENSION hstore WITH SCHEMA contrib VERSION '1.4';
CREATE EXTENSION citext WITH SCHEMA contrib VERSION '1.4';
CREATE EXTENSION cube WITH SCHEMA contrib VERSION '1.2';
CREATE EXTENSION "uuid-ossp" WITH SCHEMA contrib;
ALTER EXTENSION hstore UPDATE TO '1.5';
CREATE TABLE public.venues (
  id uuid PRIMARY KEY DEFAULT contrib.uuid_generate_v1mc(),
  name contrib.citext NOT NULL UNIQUE,
  attrs contrib.hstore,
  lat double precision NOT NULL,
  lon double precision NOT NULL
);
CREATE INDEX venues_cube ON public.venues USING gist (contrib.cube(ARRAY[lat, lon]));
CREATE FUNCTION public.venues_in_box(p_min_lat double precision, p_min_lon double precision, p_max_lat double precision, p_max_lon double precision)
RETURNS SETOF public.venues LANGUAGE sql STABLE SET search_path = public, contrib AS $$
  SELECT * FROM public.venues
   WHERE cube(ARRAY[p_min_lat, p_min_lon], ARRAY[p_max_lat, p_max_lon]) @> cube(ARRAY[lat, lon])
$$;
CREATE VIEW public.venue_attrs AS SELECT v.id, (contrib.each(v.attrs)).key, (contrib.each(v.attrs)).value FROM public.venues v;
