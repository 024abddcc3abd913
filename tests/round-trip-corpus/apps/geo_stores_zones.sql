-- Imitates a delivery / store-locator schema without PostGIS: point, box, polygon, circle, lseg and path columns with gist and spgist indexes, an exclusion on overlapping zones and distance functions via earthdistance-free geometry operators.
CREATE TABLE public.stores (
  id serial PRIMARY KEY,
  name text NOT NULL,
  location point NOT NULL,
  service_area circle,
  opened_on date
);
CREATE INDEX stores_location_gist ON public.stores USING gist (location);
CREATE INDEX stores_location_spgist ON public.stores USING spgist (location);
CREATE INDEX stores_service_area_gist ON public.stores USING gist (service_area);
CREATE TABLE public.delivery_zones (
  id serial PRIMARY KEY,
  store_id integer NOT NULL REFERENCES public.stores ON DELETE CASCADE,
  area polygon NOT NULL,
  bbox box GENERATED ALWAYS AS (box(area)) STORED,
  fee_cents integer NOT NULL DEFAULT 0,
  EXCLUDE USING gist (area WITH &&)
);
CREATE INDEX delivery_zones_bbox_gist ON public.delivery_zones USING gist (bbox);
CREATE TABLE public.routes (
  id serial PRIMARY KEY,
  store_id integer NOT NULL REFERENCES public.stores,
  waypoints path NOT NULL,
  first_leg lseg,
  corridor box
);
CREATE INDEX routes_corridor_spgist ON public.routes USING spgist (corridor);
CREATE FUNCTION public.nearest_stores(p point, n integer DEFAULT 5)
RETURNS TABLE (id integer, name text, distance double precision) LANGUAGE sql STABLE AS $$
  SELECT s.id, s.name, s.location <-> p FROM public.stores s ORDER BY s.location <-> p LIMIT n
$$;
CREATE FUNCTION public.zone_for(p point) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT id FROM public.delivery_zones WHERE area @> p LIMIT 1
$$;
CREATE VIEW public.stores_in_downtown AS
  SELECT id, name, location FROM public.stores WHERE location <@ box '((0,0),(10,10))';
ALTER TABLE public.stores ADD CONSTRAINT stores_area_centered CHECK (service_area IS NULL OR center(service_area) ~= location);
COMMENT ON COLUMN public.delivery_zones.bbox IS 'bounding box, kept for a cheap gist prefilter';
